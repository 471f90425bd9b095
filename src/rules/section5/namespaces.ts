// The five "host namespace is not shared" items (5.10, 5.16, 5.17, 5.21, 5.31) read one HostConfig
// field each and are fixed the same way.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult } from '../rule.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict, type ContainerView } from './support.js';

export interface Namespace {
  field: 'NetworkMode' | 'PidMode' | 'IpcMode' | 'UTSMode' | 'UsernsMode';
  /** "network", "PID", ... as used in messages. */
  label: string;
  composeKey: 'network_mode' | 'pid' | 'ipc' | 'uts' | 'userns_mode';
  /** docker run flags that give the recreated container its own namespace. */
  recreate: (c: ContainerView) => string[];
  impact: string;
}

export function hostNamespaceCheck(facts: HostFacts, ns: Namespace): CheckResult[] {
  return perContainer(facts, (c) => {
    const value = String(c.hostConfig[ns.field] ?? '');
    const detail = `HostConfig.${ns.field}: ${JSON.stringify(value)}`;
    return value === 'host'
      ? verdict('fail', `Container ${c.name} shares the host's ${ns.label} namespace.`, detail)
      : verdict('pass', `Container ${c.name} does not share the host's ${ns.label} namespace.`, detail);
  });
}

export function hostNamespaceFix(facts: HostFacts, ns: Namespace): Contribution[] {
  return remediateFailures(
    facts,
    (f) => hostNamespaceCheck(f, ns),
    (c) => ({
      // null: drop the key so the service gets its own namespace (compose's default).
      compose: [{ key: ns.composeKey, value: null }],
      recreate: ns.recreate(c),
      impact: `Container ${c.name}: ${ns.impact}`,
    }),
  );
}
