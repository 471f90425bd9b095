// The five "host namespace is not shared" items (5.10, 5.16, 5.17, 5.21, 5.31) read one namespace
// mode each and are fixed the same way: drop the key so the workload gets its own namespace.
import type { NamespaceKind, WorkloadSpec } from '../workload/workload-spec.js';
import { passIf } from './support.js';
import type { WorkloadItem } from './workload-item.js';

/** Per namespace: the inspect field named in evidence, its name in messages, and its Compose key. */
const NAMESPACES: Record<NamespaceKind, { field: string; label: string; composeKey: string }> = {
  network: { field: 'NetworkMode', label: 'network', composeKey: 'network_mode' },
  pid: { field: 'PidMode', label: 'PID', composeKey: 'pid' },
  ipc: { field: 'IpcMode', label: 'IPC', composeKey: 'ipc' },
  uts: { field: 'UTSMode', label: 'UTS', composeKey: 'uts' },
  userns: { field: 'UsernsMode', label: 'user', composeKey: 'userns_mode' },
};

export interface Namespace {
  id: string;
  kind: NamespaceKind;
  /** docker run flags that give the recreated container its own namespace. */
  recreate: (w: WorkloadSpec) => string[];
  /** What changes for it; the service wording (no docker run flags to mention) is pinned by the compose goldens. */
  impact: { container: string; service: string };
}

export function hostNamespaceItem(ns: Namespace): WorkloadItem {
  const { field, label, composeKey } = NAMESPACES[ns.kind];
  return {
    id: ns.id,
    fixes: ['fail'],
    judge: (w) => {
      const value = w.namespaces[ns.kind];
      const detail = `HostConfig.${field}: ${JSON.stringify(value)}`;
      return passIf(value !== 'host', `${w.who} does not share the host's ${label} namespace.`, `${w.who} shares the host's ${label} namespace.`, detail);
    },
    fix: (w) => ({
      // null: drop the key so the service gets its own namespace (compose's default).
      compose: [{ key: composeKey, value: null }],
      recreate: ns.recreate(w),
      impact: `${w.who}: ${ns.impact[w.kind]}`,
    }),
  };
}
