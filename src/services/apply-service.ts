// `apply`: make the plan, show it, ask once (or take --yes), write with backups, run the steps.
import type { GlobalOptions } from '../cli/context.js';
import type { Output } from '../cli/output.js';
import { UserError, ExitCodeError } from '../core/errors.js';
import { planBlockers, planHasChanges } from '../plan/plan.js';
import { applyPlan, type ApplyResult } from '../apply/apply-plan.js';
import { runSteps, type StepResult } from '../apply/run-steps.js';
import { makePlan } from './plan-source.js';
import { formatPlanText } from './plan-service.js';
import { askYesNo } from './confirm.js';
import { requireRootFor } from './require-root.js';

export interface ApplyServiceOptions extends GlobalOptions {
  profile: string;
  /** --compose files, planned besides the engine's Compose projects. */
  compose?: string[];
  yes: boolean;
  noRestart: boolean;
}

export interface ApplyOutcome extends ApplyResult {
  steps: StepResult[];
}

export async function applyService(opts: ApplyServiceOptions, output: Output): Promise<ApplyOutcome> {
  requireRootFor('apply', opts.root);
  const { plan } = await makePlan(opts);
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
  const result = await applyPlan(plan, { root: opts.root, onFile: (p) => output.out(`wrote ${p}`) });
  if (!result.backupId) {
    output.out('Nothing to change: this host already matches the plan.');
    return { ...result, steps: [] };
  }
  for (const p of result.permissions) output.out(`fixed owner/mode of ${p}`);
  output.out(`Backup set ${result.backupId} (undo with: docker-harden rollback ${result.backupId}${opts.root !== '/' ? ` --root ${opts.root}` : ''})`);
  const steps = await runSteps(plan.steps, { root: opts.root, noRestart: opts.noRestart, onResult: (r) => output.out(`step ${r.step.description}: ${r.message}`) });
  if (steps.some((s) => s.status === 'failed')) {
    throw new ExitCodeError(1, `A step failed after the files were written. Undo with: docker-harden rollback ${result.backupId}`);
  }
  return { ...result, steps };
}

const nothingDone = (): ApplyOutcome => ({ backupId: null, written: [], permissions: [], alreadyApplied: [], steps: [] });
