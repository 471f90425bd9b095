// The screens as awaitable functions: `await renderReview(host, props)` shows Review and resolves
// with what the person chose. The flow (run-wizard.ts) is written against these alone.
import type { AuditReport } from '../../audit/findings.js';
import type { HostFacts, ProbeName, ProbeStatus } from '../../facts/host-facts.js';
import type { StepName } from '../model/frame.js';
import type { Store } from '../model/store.js';
import type { ScreenHost } from './screen-host.js';
import { InspectScreen, type InspectResult } from './screens/inspect-screen.js';
import { FindingsScreen, type FindingsResult } from './screens/findings-screen.js';
import { ProfileScreen, type ProfileResult, type ProfileScreenProps } from './screens/profile-screen.js';
import { ReviewScreen, type ReviewResult, type ReviewScreenProps } from './screens/review-screen.js';
import { ActScreen, type ActResult, type ActScreenProps } from './screens/act-screen.js';
import { PathScreen, type PathResult, type PathScreenProps } from './screens/path-screen.js';
import { ConfirmScreen, type ConfirmScreenProps } from './screens/confirm-screen.js';
import { BusyScreen, ReportScreen, type ReportState } from './screens/message-screen.js';

type Props<P> = Omit<P, 'onDone'>;

export const renderInspect = (host: ScreenHost, props: { source: string; facts: Promise<HostFacts>; progress?: Partial<Record<ProbeName, ProbeStatus>> }) =>
  host.show<InspectResult>((done) => <InspectScreen {...props} onDone={done} />);

export const renderFindings = (host: ScreenHost, props: { report: AuditReport }) =>
  host.show<FindingsResult>((done) => <FindingsScreen {...props} onDone={done} />);

export const renderSelectProfile = (host: ScreenHost, props: Props<ProfileScreenProps>) =>
  host.show<ProfileResult>((done) => <ProfileScreen {...props} onDone={done} />);

export const renderReview = (host: ScreenHost, props: Props<ReviewScreenProps>) => host.show<ReviewResult>((done) => <ReviewScreen {...props} onDone={done} />);

export const renderAct = (host: ScreenHost, props: Props<ActScreenProps>) => host.show<ActResult>((done) => <ActScreen {...props} onDone={done} />);

export const renderAskPath = (host: ScreenHost, props: Props<PathScreenProps>) => host.show<PathResult>((done) => <PathScreen {...props} onDone={done} />);

export const renderConfirm = (host: ScreenHost, props: Props<ConfirmScreenProps>) => host.show<boolean>((done) => <ConfirmScreen {...props} onDone={done} />);

/** Shows a spinner until `work` settles; ctrl+c meanwhile rejects with WizardCancelled. */
export function whileBusy<T>(host: ScreenHost, step: StepName, text: string, work: Promise<T>): Promise<T> {
  const shown = host.show<never>(() => <BusyScreen step={step} text={text} />);
  return Promise.race([work, shown]);
}

/** A report the flow fills through `store`; resolves when it is finished and the person pressed enter. */
export const renderReport = (host: ScreenHost, props: { step: StepName; title?: string; store: Store<ReportState>; cancellable?: boolean }) =>
  host.show<void>((done) => <ReportScreen {...props} onDone={done} />, { cancellable: props.cancellable });
