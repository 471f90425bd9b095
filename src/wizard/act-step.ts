// Step 5 of the flow: write now (after a confirmation, with progress), save a script or a patch,
// or leave. Saving comes back here, so a script can be followed by a patch or by writing. Returns
// null when the person goes back to Review.
import path from 'node:path';
import type { Plan } from '../plan-model/plan.js';
import { planBlockers, planHasChanges } from '../plan-model/plan.js';
import { line, type Line } from './model/lines.js';
import { createStore } from './model/store.js';
import { changedFiles, planSize, plural } from './model/plan-view.js';
import { saveReport, saveScript, savePatch, writeBlocked, writePlan } from './act.js';
import { explain } from './wizard-data.js';
import { recreateDetails, recreatePhrase } from './recreate-confirm.js';
import { renderAct, renderAskPath, renderConfirm, renderReport } from './ui/prompts.js';
import type { ActChoice, ActOption } from './ui/screens/act-screen.js';
import type { ReportState } from './ui/screens/message-screen.js';
import type { WizardRun } from './wizard-run.js';
import { noChanges, type WizardOutcome } from './outcome.js';

const QUIT: ActOption = { id: 'quit', label: 'Quit without changes', detail: '' };
const REPORT: ActOption = { id: 'report', label: 'Save an HTML report', detail: 'the audit of this host as one page, to hand to an auditor' };

/** The Act screen's options; the ones that cannot be taken here carry the reason. A plan that changes nothing offers the report and leaving. */
export function actOptions(plan: Plan, root: string, uid: number | undefined): ActOption[] {
  if (!planHasChanges(plan)) return [REPORT, QUIT];
  const blocked = planBlockers(plan)[0]?.text;
  const noWrite = blocked ?? writeBlocked(root, uid) ?? undefined;
  return [
    { id: 'write', label: 'Write the changes now', detail: `under ${root}, after a backup; rollback undoes it`, disabled: noWrite },
    { id: 'script', label: 'Save a shell script', detail: 'for review; run it on the host later', disabled: blocked },
    { id: 'patch', label: 'Save a patch', detail: 'a unified diff plus a .json of modes, owners and steps', disabled: blocked },
    REPORT,
    QUIT,
  ];
}

/** The line over the options: what the plan does, or why it does nothing. */
export function actSummary(plan: Plan, leftOut: number): string {
  const out = leftOut ? ` (${plural(leftOut, 'file')} left out)` : '';
  const recreates = plan.recreates?.length ? `, ${plural(plan.recreates.length, 'container')} to recreate` : '';
  if (planHasChanges(plan)) return `Profile ${plan.profile}: ${planSize(plan)}${recreates}${out}.`;
  return leftOut
    ? `Profile ${plan.profile}: nothing to write, every file it changes is left out. Press q to switch some back on in the review.`
    : `Profile ${plan.profile}: nothing to write, this host already matches it.`;
}

/** "Write 2 files and fix 1 permission under /", naming only what the plan holds. */
export function writeQuestion(plan: Plan, root: string): string {
  const files = changedFiles(plan).length;
  const parts = [
    ...(files ? [`write ${plural(files, 'file')}`] : []),
    ...(plan.permissions.length ? [`fix ${plural(plan.permissions.length, 'permission')}`] : []),
    ...(plan.steps.length ? [`run ${plural(plan.steps.length, 'step')}`] : []),
    ...recreatePhrase(plan),
  ];
  const text = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'change nothing');
  return `${text[0].toUpperCase()}${text.slice(1)} under ${root}?`;
}

export async function act(run: WizardRun, plan: Plan, leftOut: number): Promise<WizardOutcome | null> {
  const { host, opts } = run;
  const saved: string[] = [];
  let last: ActChoice | undefined;
  for (;;) {
    const r = await renderAct(host, {
      summary: actSummary(plan, leftOut),
      notices: saved,
      options: actOptions(plan, opts.root, run.uid),
      initial: last ?? (planHasChanges(plan) ? undefined : 'quit'),
    });
    if (r.type === 'back') return null;
    if (r.type === 'quit') return saved.length ? { exitCode: 0, summary: [...saved, 'Nothing was written to the host.'] } : noChanges();
    last = r.type;
    if (r.type === 'write') {
      const yes = await renderConfirm(host, {
        question: writeQuestion(plan, opts.root),
        details: [
          'Every file replaced is backed up first; the backup id is shown when done.',
          ...changedFiles(plan).map((f) => `  ${f.kind} ${f.path}`),
          ...recreateDetails(plan),
        ],
        yes: 'Yes, write now',
        no: 'No, go back',
      });
      if (yes) return writeWithProgress(run, plan, saved);
      continue;
    }
    const message = await save(run, r.type, plan);
    if (message) saved.push(message);
  }
}

async function writeWithProgress(run: WizardRun, plan: Plan, saved: readonly string[]): Promise<WizardOutcome> {
  const store = createStore<ReportState>({ lines: [line(`Writing the plan for profile ${plan.profile} under ${run.opts.root}…`), []], finished: false });
  // Ctrl+C is ignored while files are being written: stopping half-way helps no one.
  const shown = renderReport(run.host, { step: 'Act', title: 'Writing', store, cancellable: false });
  const outcome = await writePlan(plan, await run.facts, run.opts.root, (l: Line) => store.set((s) => ({ ...s, lines: [...s.lines, l] })));
  store.set((s) => ({ lines: [...s.lines, [], line('Press enter to finish.')], finished: true }));
  await shown;
  return { ...outcome, summary: [...saved, ...outcome.summary] };
}

/** Ask where, and save; the message says what was written, or null when the person went back. */
async function save(run: WizardRun, kind: 'script' | 'patch' | 'report', plan: Plan): Promise<string | null> {
  let initial: string = SAVE[kind].initial;
  let error: string | undefined;
  for (;;) {
    const r = await renderAskPath(run.host, {
      title: SAVE[kind].title,
      initial,
      note: SAVE[kind].note(run.opts.root),
      error,
    });
    if (r.type === 'back') return null;
    const file = path.resolve(run.cwd, r.path);
    try {
      if (kind === 'script') return await saveScript(plan, file, run.opts);
      if (kind === 'patch') return await savePatch(plan, file, run.opts);
      return await saveReport(await run.facts, plan.profile, file);
    } catch (err) {
      error = explain(err);
      initial = r.path;
    }
  }
}

const SAVE = {
  script: {
    title: 'Save a shell script',
    initial: './docker-harden.sh',
    note: () => 'A bash script (mode 0700) that checks, backs up, writes and can --rollback.',
  },
  patch: {
    title: 'Save a patch',
    initial: './docker-harden.patch',
    note: (root: string) => `A unified diff for patch -p1 -d ${root}, and PATH.json with modes, owners and steps.`,
  },
  report: {
    title: 'Save an HTML report',
    initial: './docker-harden-report.html',
    note: () => 'One self-contained page: scores per CIS section, every finding with evidence and remediation, filters.',
  },
} as const;
