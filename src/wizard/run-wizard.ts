// The wizard's flow as plain async code: each step awaits one screen and decides where to go
// next. q / esc on a screen returns to the one before; nothing is written before the Act step.
import path from 'node:path';
import type { GlobalOptions } from '../services/options.js';
import type { AuditReport } from '../audit/findings.js';
import type { HostFacts, ProbeName, ProbeStatus } from '../facts/host-facts.js';
import type { PlannedChange } from '../services/plan-source.js';
import type { RecreateStep } from '../plan-model/recreate.js';
import type { PlannedChoice } from './wizard-data.js';
import { cancelled, noChanges, type WizardOutcome } from './outcome.js';
import { describeSource } from './model/inspect-view.js';
import { WizardCancelled, createScreenHost } from './ui/screen-host.js';
import type { WizardRun } from './wizard-run.js';
import type { InspectResult } from './ui/screens/inspect-screen.js';
import { HOME_AND_CLEAR } from './terminal.js';
import { renderFindings, renderInspect, renderReview, renderSelectProfile, whileBusy } from './ui/prompts.js';

export type { WizardOutcome, WizardRun };

// The catalog, profiles, planner and writers load after the first screen is up, not before it.
let dataModule: Promise<typeof import('./wizard-data.js')> | undefined;
let actModule: Promise<typeof import('./act-step.js')> | undefined;
const data = () => (dataModule ??= import('./wizard-data.js'));
const actStep = () => (actModule ??= import('./act-step.js'));

type Step = 'inspect' | 'findings' | 'profile' | 'review' | 'act';
const NOT_YET = Symbol('not yet');

export async function runWizard(run: WizardRun): Promise<WizardOutcome> {
  try {
    return await flow(run);
  } catch (err) {
    if (err instanceof WizardCancelled) return cancelled();
    throw err;
  }
}

async function flow(run: WizardRun): Promise<WizardOutcome> {
  const { opts, host } = run;
  let inspectError: unknown = null;
  run.facts.catch((err: unknown) => {
    inspectError = err;
  });
  let facts: HostFacts | undefined;
  let report: AuditReport | undefined;
  let choices: Promise<PlannedChoice[]> | undefined;
  let chosen: PlannedChange | undefined;
  let excluded: string[] = [];
  let containers: RecreateStep[] = [];
  let recreate: string[] = [];
  let reviewCursor = 0;
  let profileError: string | undefined;
  let typedPath: string | undefined;
  let step: Step = 'inspect';
  // A key answered on the plain first frame, before Ink had loaded, stands for the Inspect screen once.
  let early = run.early;

  for (;;) {
    if (step === 'inspect') {
      const shown: Promise<InspectResult> =
        early === 'next'
          ? run.facts.then((f) => ({ type: 'next', facts: f }))
          : early === 'back'
            ? Promise.resolve({ type: 'back' })
            : renderInspect(host, { source: describeSource(opts), facts: run.facts, progress: run.progress });
      early = undefined;
      data()
        .then(() => actStep())
        .catch(() => {}); // a failure surfaces where the module is awaited
      const r = await shown;
      const { auditHost, explain, profileChoices } = await data();
      if (r.type === 'back') return inspectError ? { exitCode: 2, summary: [`docker-harden: ${explain(inspectError)}`] } : noChanges();
      facts = r.facts;
      report ??= auditHost(facts);
      choices ??= profileChoices(opts, facts);
      step = 'findings';
    } else if (step === 'findings') {
      const r = await renderFindings(host, { report: report! });
      step = r.type === 'back' ? 'inspect' : 'profile';
    } else if (step === 'profile') {
      const ready = await Promise.race([choices!, Promise.resolve(NOT_YET)]);
      const list = ready === NOT_YET ? await whileBusy(host, 'Profile', 'Making a plan for each shipped profile…', choices!) : ready;
      const r = await renderSelectProfile(host, { choices: list.map((c) => c.choice), error: profileError, initialPath: typedPath });
      profileError = undefined;
      if (r.type === 'back') {
        typedPath = undefined;
        step = 'findings';
        continue;
      }
      const picked = r.type === 'shipped' ? list.find((c) => c.choice.name === r.name) : undefined;
      const { explain, planFor } = await data();
      try {
        chosen =
          picked?.planned ??
          (await whileBusy(
            host,
            'Profile',
            `Making the plan for ${r.type === 'file' ? r.path : r.name}…`,
            planFor(opts, facts!, r.type === 'file' ? path.resolve(run.cwd, r.path) : r.name),
          ));
      } catch (err) {
        if (err instanceof WizardCancelled) throw err;
        profileError = explain(err);
        typedPath = r.type === 'file' ? r.path : undefined;
        continue;
      }
      typedPath = undefined;
      excluded = [];
      recreate = [];
      containers = (await import('./with-recreates.js')).recreateCandidates(chosen);
      reviewCursor = 0;
      step = 'review';
    } else if (step === 'review') {
      const r = await renderReview(host, { plan: chosen!.plan, excluded, containers, recreate, cursor: reviewCursor });
      excluded = r.excluded;
      recreate = r.recreate;
      reviewCursor = r.cursor;
      step = r.type === 'back' ? 'profile' : 'act';
    } else {
      // The planner is loaded by now (it made the choices): building again without some files, or
      // with the chosen containers recreated, is cheap.
      const plan = (await import('./with-recreates.js')).planWith(chosen!, excluded, recreate);
      const outcome = await (await actStep()).act(run, plan, excluded.length);
      if (outcome) return outcome;
      step = 'review';
    }
  }
}

/** Mount the screens on the terminal, run the flow, and take the screens down again. */
export async function launch(
  opts: GlobalOptions,
  facts: Promise<HostFacts>,
  progress?: Partial<Record<ProbeName, ProbeStatus>>,
  early?: 'next' | 'back',
): Promise<WizardOutcome> {
  const inner = createScreenHost({ color: opts.color });
  // The plain first frame stays up until Ink draws its first screen there, from the top.
  let cleared = false;
  const host: typeof inner = {
    show(screen, showOpts) {
      if (!cleared) process.stdout.write(HOME_AND_CLEAR);
      cleared = true;
      return inner.show(screen, showOpts);
    },
    close: () => inner.close(),
  };
  try {
    return await runWizard({ opts, facts, progress, host, cwd: process.cwd(), uid: process.getuid?.(), early });
  } finally {
    host.close();
  }
}
