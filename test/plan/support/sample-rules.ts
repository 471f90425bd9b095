// Small hand-made rules for planner tests: each fails until the facts hold what it contributes,
// so a test controls exactly which contributions reach the renderers.
import type { HostFacts } from '../../../src/facts/host-facts.js';
import type { Contribution } from '../../../src/rules/contribution.js';
import type { CheckResult, Rule } from '../../../src/rules/rule.js';

type Fix = (facts: HostFacts) => Contribution[];

export function sampleRule(id: string, fails: (facts: HostFacts) => boolean, fix: Fix): Rule {
  const result = (status: CheckResult['status']): CheckResult[] => [{ status, message: `${id} ${status}`, evidence: [] }];
  return {
    id,
    aliases: {},
    title: `sample ${id}`,
    section: Number(id.split('.')[0]) as Rule['section'],
    level: 1,
    automated: true,
    checks: 'facts',
    severity: 'medium',
    rationale: '',
    impact: '',
    remediation: '',
    references: [],
    check: (facts) => result(fails(facts) ? 'fail' : 'pass'),
    remediate: (facts) => fix(facts),
  };
}

/** Fails while daemon.json lacks `key: value`; contributes exactly that. */
export function daemonKeyRule(id: string, key: string, value: unknown, impact?: string): Rule {
  return sampleRule(
    id,
    (facts) => JSON.stringify(facts.daemonJson.parsed?.[key]) !== JSON.stringify(value),
    () => [{ kind: 'daemon-json-set', key, value, ...(impact ? { impact } : {}) }],
  );
}
