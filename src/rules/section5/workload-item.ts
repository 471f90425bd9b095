// A section-5 item written once over a WorkloadSpec: judge() decides it, fix() says what closes
// it. The audit runs judge() over every container; remediate() turns fix() into compose-service,
// `docker update` or recreate contributions (remediation.ts); the compose evaluator runs both over
// service definitions (src/compose/evaluate-service.ts). A change to an item reaches all of them.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { HardeningParams } from '../params.js';
import type { CheckResult, CheckStatus } from '../rule.js';
import type { WorkloadSpec } from '../workload/workload-spec.js';
import { remediateFailures, type ContainerFix } from './remediation.js';
import { perContainer, type Verdict } from './support.js';

export interface WorkloadItem {
  id: string;
  /** The statuses fix() closes: 'fail', and for 5.4 also 'warn' (the default set kept). */
  fixes: readonly CheckStatus[];
  /**
   * Evidence details name the inspect fields that decided it; a service's are not shown. `facts`
   * carries what the host adds (the daemon's defaults); the workload itself is read from `spec` only.
   */
  judge(spec: WorkloadSpec, facts: HostFacts): Verdict;
  /** compose keys, `docker update` flags, recreate flags or advice; impact phrased for spec.kind. */
  fix(spec: WorkloadSpec, params: HardeningParams): ContainerFix | null;
}

export const checkWorkloads =
  (item: WorkloadItem) =>
  (facts: HostFacts): CheckResult[] =>
    perContainer(facts, (c) => item.judge(c.spec, facts));

export const remediateWorkloads =
  (item: WorkloadItem) =>
  (facts: HostFacts, params: HardeningParams): Contribution[] =>
    remediateFailures(facts, checkWorkloads(item), (c) => item.fix(c.spec, params), item.fixes);

/** What closes the item on this workload, or null where it passes (or is not fixed). */
export function fixFor(item: WorkloadItem, spec: WorkloadSpec, facts: HostFacts, params: HardeningParams): ContainerFix | null {
  return item.fixes.includes(item.judge(spec, facts).status) ? item.fix(spec, params) : null;
}
