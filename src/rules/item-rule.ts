// Most CIS items share a few metadata values: the section is the id's first number, the id did
// not change between v1.6.0, v1.7.0 and v1.8.0, and the item is level 1 and not automated. A rule
// states only what is its own; the builders here fill the rest and run the remedy on the check's
// failures. The catalog self-test still holds every rule to the benchmark's list.
import type { HostFacts } from '../facts/host-facts.js';
import type { Contribution } from './contribution.js';
import type { HardeningParams } from './params.js';
import type { CheckResult, Rule, RuleMeta, Section } from './rule.js';

export interface ItemSpec extends Omit<RuleMeta, 'section' | 'aliases' | 'level' | 'automated' | 'checks'> {
  /** The item's ids in earlier versions; the same id in v1.7.0 and v1.6.0 when left out. */
  aliases?: Record<string, string>;
  /** 1 when left out. */
  level?: 1 | 2;
  /** The benchmark's Automated label; false when left out. */
  automated?: boolean;
}

export function itemMeta(spec: ItemSpec, checks: RuleMeta['checks']): RuleMeta {
  const { id } = spec;
  return {
    id,
    aliases: spec.aliases ?? { '1.7.0': id, '1.6.0': id },
    title: spec.title,
    section: Number(id.split('.')[0]) as Section,
    level: spec.level ?? 1,
    automated: spec.automated ?? false,
    checks,
    severity: spec.severity,
    rationale: spec.rationale,
    impact: spec.impact,
    remediation: spec.remediation,
    references: spec.references,
  };
}

/** An item the facts cannot decide: its check returns 'manual' results with the commands to run. */
export interface ManualItemSpec extends ItemSpec {
  check(facts: HostFacts): CheckResult[];
}

export function manualItem(spec: ManualItemSpec): Rule {
  return { ...itemMeta(spec, 'manual'), check: spec.check };
}

/** Advice for a person, as the one contribution of a fix that cannot be written as a change. */
export interface Advice {
  text: string;
  impact?: string;
}

export function adviceContribution(advice: Advice): Contribution {
  return { kind: 'manual', text: advice.text, ...(advice.impact ? { impact: advice.impact } : {}) };
}

/** An item the facts decide. */
export interface FactsItemSpec extends ItemSpec {
  check(facts: HostFacts): CheckResult[];
  /** The contributions that close the failed results; asked only when at least one failed. */
  fix?(failed: CheckResult[], facts: HostFacts, params: HardeningParams): Contribution[];
  /** Advice to give once when any result failed, for an item whose fix is a person's work. */
  advice?: Advice;
}

export function factsItem(spec: FactsItemSpec): Rule {
  const fix = spec.fix ?? (spec.advice ? () => [adviceContribution(spec.advice!)] : undefined);
  const rule: Rule = { ...itemMeta(spec, 'facts'), check: spec.check };
  if (!fix) return rule;
  return {
    ...rule,
    remediate(facts, params, results = spec.check(facts)) {
      const failed = results.filter((r) => r.status === 'fail');
      return failed.length > 0 ? fix(failed, facts, params) : [];
    },
  };
}
