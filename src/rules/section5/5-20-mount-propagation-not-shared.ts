// 5.20: shared propagation makes mounts made inside the container appear on the host (and the
// other way round), so a container can change the host's mount table.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { bindMounts, describeMount } from './host-bindings.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict } from './support.js';

const SHARED = new Set(['shared', 'rshared']);

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const mounts = bindMounts(c);
    const shared = mounts.filter((m) => SHARED.has(m.propagation));
    if (shared.length > 0)
      return verdict(
        'fail',
        `Container ${c.name} has mounts with shared propagation: ${shared.map((m) => m.destination).join(', ')}.`,
        ...shared.map(describeMount),
      );
    return verdict(
      'pass',
      `Container ${c.name} has no mount with shared propagation.`,
      ...(mounts.length > 0 ? mounts.map(describeMount) : ['Mounts: no bind mounts']),
    );
  });
}

export const mountPropagationNotShared: Rule = {
  id: '5.20',
  aliases: { '1.7.0': '5.20', '1.6.0': '5.20' },
  title: 'Ensure mount propagation mode is not set to shared',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale:
    "With shared or rshared propagation, a mount created inside the container propagates to the host's mount namespace, letting the container hide or replace host paths.",
  impact: 'Storage or CSI-style helpers that must publish mounts to the host stop doing so.',
  remediation:
    'Use the default (rprivate) or slave propagation: drop `:shared`/`:rshared` from -v, and `bind.propagation: shared|rshared` from Compose volumes.',
  references: ['CIS Docker Benchmark v1.8.0, 5.20', 'https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation'],
  check,
  remediate: (facts) =>
    remediateFailures(facts, check, (c) => ({
      manual: `Container ${c.name}: recreate it with private propagation on ${bindMounts(c)
        .filter((m) => SHARED.has(m.propagation))
        .map((m) => `${m.source}:${m.destination}`)
        .join(', ')} (drop :shared / :rshared).`,
    })),
};
