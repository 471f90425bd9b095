// `plan`: facts + profile -> the plan, printed as text (diffs) or JSON; --check turns drift into
// exit 1.
import type { GlobalOptions, RecreateRequest } from '../services/options.js';
import type { Output } from '../services/output.js';
import { ExitCodeError, UserError } from '../core/errors.js';
import { planBlockers, planHasChanges, type Plan } from '../plan-model/plan.js';
import { formatPlanText } from '../plan/render-plan-text.js';
import { planJson } from '../plan/plan-json.js';
import { makePlan } from './plan-source.js';

export { formatPlanText };

export interface PlanServiceOptions extends GlobalOptions {
  profile: string;
  /** --compose files, planned besides the engine's Compose projects. */
  compose?: string[];
  /** --scan-report files: 4.4 judged from them, and its advice in the plan. */
  scanReportFiles?: string[];
  /** --recreate: recreate standalone containers hardened (only those named, when names are given). */
  recreate?: RecreateRequest;
  format: 'text' | 'json';
  check: boolean;
}

export async function planService(opts: PlanServiceOptions, output: Output): Promise<Plan> {
  const { plan } = await makePlan(opts);
  output.out(opts.format === 'json' ? planJson(plan) : formatPlanText(plan, { color: opts.color }));
  // Broken input (a daemon.json or compose file that does not parse) is shown above, then ends in exit 2.
  const blockers = planBlockers(plan);
  if (blockers.length > 0) throw new UserError(blockers[0].text, 'Nothing can be applied until that is fixed.');
  if (opts.check && planHasChanges(plan)) {
    throw new ExitCodeError(1, opts.format === 'json' ? '' : `The host differs from profile ${plan.profile} (plan --check).`);
  }
  return plan;
}
