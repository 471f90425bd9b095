// `apply`: make the plan, show it, ask once (or take --yes), write with backups, run the steps.
import type { GlobalOptions, RecreateRequest } from '../services/options.js';
import type { Output } from '../services/output.js';
import { UserError, ExitCodeError } from '../core/errors.js';
import { planBlockers, planHasChanges } from '../plan-model/plan.js';
import type { ApplyResult } from '../apply/apply-plan.js';
import type { StepResult } from '../apply/run-steps.js';
import { describeEvent, executePlan } from './execute-plan.js';
import { makePlan } from './plan-source.js';
import { formatPlanText } from './plan-service.js';
import { askYesNo } from './confirm.js';
import { requireRootFor } from './require-root.js';
import { terminalText } from '../core/terminal-text.js';

export interface ApplyServiceOptions extends GlobalOptions {
  profile: string;
  /** --compose files, planned besides the engine's Compose projects. */
  compose?: string[];
  /** --recreate: recreate standalone containers hardened (only those named, when names are given). */
  recreate?: RecreateRequest;
  yes: boolean;
  noRestart: boolean;
}

export interface ApplyOutcome extends ApplyResult {
  steps: StepResult[];
}

export async function applyService(opts: ApplyServiceOptions, output: Output): Promise<ApplyOutcome> {
  requireRootFor('apply', opts.root);
  const { plan, facts } = await makePlan(opts);
  const blockers = planBlockers(plan);
  if (blockers.length) throw new UserError(blockers[0].text, 'Nothing was written. Fix that first, then run apply again.');
  output.out(formatPlanText(plan, { color: opts.color }));
  if (!planHasChanges(plan)) {
    output.out('Nothing to change: this host already matches the plan.');
    return nothingDone();
  }

  if (!opts.yes) {
    if (!process.stdin.isTTY) throw new UserError('apply asks for confirmation, and there is no terminal to ask on.', 'Pass --yes to apply without asking.');
    if (!(await askYesNo('Apply these changes?'))) {
      output.out('No changes made.');
      return nothingDone();
    }
  }
  const done = await executePlan(plan, facts, opts, (e) => output.out(terminalText(describeEvent(e))));
  if (done.undo === null) {
    output.out('Nothing to change: this host already matches the plan.');
    return { ...done, steps: [] };
  }
  if (done.failure) throw new ExitCodeError(1, done.failure);
  return done;
}

const nothingDone = (): ApplyOutcome => ({ backupId: null, written: [], permissions: [], alreadyApplied: [], steps: [] });
