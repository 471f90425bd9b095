// Section-5 rules built from their metadata and the one function that is really theirs. The
// metadata every item shares is filled in by itemMeta (src/rules/item-rule.ts). An item written
// over a WorkloadSpec gets its check and remediate from the item; one that reads a container
// directly gets them from perContainer and remediateFailures.
import type { HostFacts } from '../../facts/host-facts.js';
import { itemMeta, type ItemSpec } from '../item-rule.js';
import type { HardeningParams } from '../params.js';
import type { CheckResult, Rule, RuleMeta } from '../rule.js';
import { remediateFailures, type ContainerFix } from './remediation.js';
import { manualResult, perContainer, type ContainerView, type Verdict } from './support.js';
import { checkWorkloads, remediateWorkloads, type WorkloadItem } from './workload-item.js';

/** What a section-5 rule states itself (src/rules/item-rule.ts fills the rest); judged from facts unless it says otherwise. */
export type Section5Meta = ItemSpec & { checks?: RuleMeta['checks'] };

type Behaviour = Pick<Rule, 'check' | 'remediate' | 'remediatesWarnings'>;

export function section5Rule(meta: Section5Meta, behaviour: Behaviour): Rule {
  const { checks = 'facts', ...spec } = meta;
  return { ...itemMeta(spec, checks), ...behaviour };
}

/** A result for the whole host that settles the item before any container is judged, or null. */
type Gate = (facts: HostFacts) => CheckResult[] | null;

const gated = (gate: Gate | undefined, each: (facts: HostFacts) => CheckResult[]) => (gate ? (facts: HostFacts) => gate(facts) ?? each(facts) : each);

/** A rule over a WorkloadSpec item: one judgement for containers and Compose services alike. */
export function workloadRule(item: WorkloadItem, meta: Omit<Section5Meta, 'id'>, opts: { gate?: Gate } = {}): Rule {
  const check = gated(opts.gate, checkWorkloads(item));
  const warnings = item.fixes.includes('warn') ? { remediatesWarnings: true } : {};
  return section5Rule({ id: item.id, ...meta }, { check, remediate: remediateWorkloads(item), ...warnings });
}

/** A rule judged per container from inspect data that no Compose front end reads. */
export function containerRule(
  meta: Section5Meta,
  judge: (c: ContainerView, facts: HostFacts) => Verdict,
  opts: { gate?: Gate; fix?: (c: ContainerView, params: HardeningParams) => ContainerFix | null } = {},
): Rule {
  const check = gated(opts.gate, (facts) => perContainer(facts, (c) => judge(c, facts)));
  const { fix } = opts;
  if (!fix) return section5Rule(meta, { check });
  return section5Rule(meta, { check, remediate: (facts, params) => remediateFailures(facts, check, (c) => fix(c, params)) });
}

/** A rule the facts cannot decide: one 'manual' result with guidance and the commands to run. */
export function manualRule(meta: Section5Meta, message: string, ...commands: string[]): Rule {
  return section5Rule({ checks: 'manual', ...meta }, { check: () => manualResult(message, ...commands) });
}
