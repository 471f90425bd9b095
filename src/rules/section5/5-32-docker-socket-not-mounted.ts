// 5.32: access to the Docker socket is root on the host: whoever holds it can start a privileged
// container with the host's / mounted. A bind of a directory that holds the socket (/run,
// /var/run, /) exposes it just as well.
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import { adviceName } from '../workload/workload-spec.js';
import { describeMount, normalizeHostPath } from './host-bindings.js';
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

/** Unix socket paths the daemon listens on besides the usual ones (-H unix://..., "hosts" in daemon.json). */
export function daemonSockets(facts: HostFacts): string[] {
  const hosts = effectiveConfig(facts).get('hosts')?.value;
  const list = Array.isArray(hosts) ? hosts : typeof hosts === 'string' ? [hosts] : [];
  return list
    .map(String)
    .filter((h) => h.startsWith('unix://'))
    .map((h) => normalizeHostPath(h.slice('unix://'.length)));
}

/** Directories that hold the socket: removing such a bind is a decision for a person. */
const SOCKET_DIRS = ['/', '/run', '/var/run'];

export const dockerSocket: WorkloadItem = {
  id: '5.32',
  fixes: ['fail'],
  judge: (w, facts) => {
    const sockets = new Set(daemonSockets(facts));
    const hits = w.binds.filter((m) => m.source.endsWith('/docker.sock') || sockets.has(m.source) || SOCKET_DIRS.includes(m.source));
    if (hits.length === 0)
      return verdict('pass', `${w.who} does not mount the Docker socket.`, `bind mounts: ${w.binds.map((m) => m.source).join(', ') || 'none'}`);
    const direct = hits.some((m) => m.source.endsWith('docker.sock') || sockets.has(m.source));
    const what = direct ? 'the Docker socket' : 'a host directory that contains the Docker socket';
    return verdict('fail', `${w.who} mounts ${what}, which gives it root on the host.`, ...hits.map(describeMount));
  },
  fix: (w) => {
    if (w.kind === 'container')
      return {
        manual: `${adviceName(w)}: remove the Docker socket mount; if it needs the API, give it a filtering socket proxy instead.`,
        impact: 'The container can no longer control the Docker engine.',
      };
    // The override removes binds of the socket itself (src/compose/service-wants.ts); a directory holding it needs a person.
    const dirs = w.binds.filter((m) => SOCKET_DIRS.includes(m.source)).map((m) => m.source);
    const what = 'which holds the Docker socket; if it needs the API, give it a filtering socket proxy';
    return dirs.length > 0 ? { manual: `${w.who}: mount only what it needs instead of ${dirs.join(', ')}, ${what}.` } : null;
  },
};

export const dockerSocketNotMounted = workloadRule(dockerSocket, {
  title: 'Ensure that the Docker socket is not mounted inside any containers',
  severity: 'critical',
  rationale:
    'The Docker API has no per-call authorisation: a process that can write to docker.sock (read-only binds do not help) can start a privileged container with the host filesystem mounted, i.e. it is root on the host.',
  impact:
    'Tools that manage containers from inside one (CI runners, reverse proxies reading labels, dashboards) lose that ability; give them a filtering socket proxy or a remote API with TLS and authorisation instead.',
  remediation:
    "Remove the docker.sock bind mount (-v /var/run/docker.sock:..., Compose volumes, `use_api_socket: true`). Where a tool truly needs the API, put an API-filtering proxy in front of it and mount that proxy's socket instead.",
  references: ['CIS Docker Benchmark v1.8.0, 5.32', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
});
