// Step 5 of the flow: write now (after a confirmation, with progress), save a script or a patch,
// or leave. Returns null when the person goes back to Review.
import path from 'node:path';
import type { Plan } from '../plan-model/plan.js';
import { planBlockers } from '../plan-model/plan.js';
import { line, type Line } from './model/lines.js';
import { createStore } from './model/store.js';
import { changedFiles, planSize, plural } from './model/plan-view.js';
import { saveScript, savePatch, writeBlocked, writePlan } from './act.js';
import { explain } from './wizard-data.js';
import { renderAct, renderAskPath, renderConfirm, renderReport } from './ui/prompts.js';
import type { ActOption } from './ui/screens/act-screen.js';
import type { ReportState } from './ui/screens/message-screen.js';
import type { WizardRun } from './wizard-run.js';
import { noChanges, type WizardOutcome } from './outcome.js';

/** The Act screen's options; the ones that cannot be taken here carry the reason. */
export function actOptions(plan: Plan, root: string, uid: number | undefined): ActOption[] {
  const blocked = planBlockers(plan)[0]?.text;
  const noWrite = blocked ?? writeBlocked(root, uid) ?? undefined;
  return [
    { id: 'write', label: 'Write the changes now', detail: `under ${root}, after a backup; rollback undoes it`, disabled: noWrite },
    { id: 'script', label: 'Save a shell script', detail: 'for review; run it on the host later', disabled: blocked },
    { id: 'patch', label: 'Save a patch', detail: 'a unified diff plus a .json of modes, owners and steps', disabled: blocked },
    { id: 'quit', label: 'Quit without changes', detail: '' },
  ];
}

export async function act(run: WizardRun, plan: Plan, leftOut: number): Promise<WizardOutcome | null> {
  const { host, opts } = run;
  const summary = `Profile ${plan.profile}: ${planSize(plan)}${leftOut ? ` (${plural(leftOut, 'file')} left out)` : ''}.`;
  for (;;) {
    const r = await renderAct(host, { summary, options: actOptions(plan, opts.root, run.uid) });
    if (r.type === 'back') return null;
    if (r.type === 'quit') return noChanges();
    if (r.type === 'write') {
      const yes = await renderConfirm(host, {
        question: `Write ${planSize(plan)} under ${opts.root}?`,
        details: ['Every file replaced is backed up first; the backup id is shown when done.', ...changedFiles(plan).map((f) => `  ${f.kind} ${f.path}`)],
        yes: 'Yes, write now',
        no: 'No, go back',
      });
      if (yes) return writeWithProgress(run, plan);
      continue;
    }
    const saved = await save(run, r.type, plan);
    if (saved) return saved;
  }
}

async function writeWithProgress(run: WizardRun, plan: Plan): Promise<WizardOutcome> {
  const store = createStore<ReportState>({ lines: [line(`Writing the plan for profile ${plan.profile} under ${run.opts.root}…`), []], finished: false });
  // Ctrl+C is ignored while files are being written: stopping half-way helps no one.
  const shown = renderReport(run.host, { step: 'Act', title: 'Writing', store, cancellable: false });
  const outcome = await writePlan(plan, await run.facts, run.opts.root, (l: Line) => store.set((s) => ({ ...s, lines: [...s.lines, l] })));
  store.set((s) => ({ lines: [...s.lines, [], line('Press enter to finish.')], finished: true }));
  await shown;
  return outcome;
}

async function save(run: WizardRun, kind: 'script' | 'patch', plan: Plan): Promise<WizardOutcome | null> {
  let initial = kind === 'script' ? './docker-harden.sh' : './docker-harden.patch';
  let error: string | undefined;
  for (;;) {
    const r = await renderAskPath(run.host, {
      title: kind === 'script' ? 'Save a shell script' : 'Save a patch',
      initial,
      note:
        kind === 'script'
          ? 'A bash script (mode 0700) that checks, backs up, writes and can --rollback.'
          : `A unified diff for patch -p1 -d ${run.opts.root}, and PATH.json with modes, owners and steps.`,
      error,
    });
    if (r.type === 'back') return null;
    const file = path.resolve(run.cwd, r.path);
    try {
      const message = kind === 'script' ? await saveScript(plan, file, run.opts) : await savePatch(plan, file, run.opts);
      const store = createStore<ReportState>({ lines: [line(message), [], line('Press enter to finish.')], finished: true });
      await renderReport(run.host, { step: 'Act', title: kind === 'script' ? 'Script saved' : 'Patch saved', store });
      return { exitCode: 0, summary: [message] };
    } catch (err) {
      error = explain(err);
      initial = r.path;
    }
  }
}
