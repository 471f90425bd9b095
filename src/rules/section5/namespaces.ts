// The five "host namespace is not shared" items (5.10, 5.16, 5.17, 5.21, 5.31) read one namespace
// mode each and are fixed the same way: drop the key so the workload gets its own namespace.
import type { NamespaceKind, WorkloadSpec } from '../workload/workload-spec.js';
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';

export interface Namespace {
  id: string;
  kind: NamespaceKind;
  /** The inspect field named in evidence. */
  field: 'NetworkMode' | 'PidMode' | 'IpcMode' | 'UTSMode' | 'UsernsMode';
  /** "network", "PID", ... as used in messages. */
  label: string;
  composeKey: 'network_mode' | 'pid' | 'ipc' | 'uts' | 'userns_mode';
  /** docker run flags that give the recreated container its own namespace. */
  recreate: (w: WorkloadSpec) => string[];
  /** What changes for it; the service wording (no docker run flags to mention) is pinned by the compose goldens. */
  impact: { container: string; service: string };
}

export function hostNamespaceItem(ns: Namespace): WorkloadItem {
  return {
    id: ns.id,
    fixes: ['fail'],
    judge: (w) => {
      const value = w.namespaces[ns.kind];
      const detail = `HostConfig.${ns.field}: ${JSON.stringify(value)}`;
      return value === 'host'
        ? verdict('fail', `${w.who} shares the host's ${ns.label} namespace.`, detail)
        : verdict('pass', `${w.who} does not share the host's ${ns.label} namespace.`, detail);
    },
    fix: (w) => ({
      // null: drop the key so the service gets its own namespace (compose's default).
      compose: [{ key: ns.composeKey, value: null }],
      recreate: ns.recreate(w),
      impact: `${w.who}: ${ns.impact[w.kind]}`,
    }),
  };
}
