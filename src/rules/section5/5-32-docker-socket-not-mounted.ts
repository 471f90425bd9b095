// 5.32: access to the Docker socket is root on the host: whoever holds it can start a privileged
// container with the host's / mounted. A bind of a directory that holds the socket (/run,
// /var/run, /) exposes it just as well.
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import type { CheckResult, Rule } from '../rule.js';
import { bindMounts, describeMount, normalizeHostPath } from './host-bindings.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict } from './support.js';

/** Unix socket paths the daemon listens on, besides the usual ones. */
function daemonSockets(facts: HostFacts): string[] {
  const hosts = effectiveConfig(facts).get('hosts')?.value;
  const list = Array.isArray(hosts) ? hosts : typeof hosts === 'string' ? [hosts] : [];
  return list
    .map(String)
    .filter((h) => h.startsWith('unix://'))
    .map((h) => normalizeHostPath(h.slice('unix://'.length)));
}

function check(facts: HostFacts): CheckResult[] {
  const sockets = new Set(daemonSockets(facts));
  const exposes = (source: string) => source.endsWith('/docker.sock') || sockets.has(source) || ['/', '/run', '/var/run'].includes(source);
  return perContainer(facts, (c) => {
    const hits = bindMounts(c).filter((m) => exposes(m.source));
    if (hits.length === 0)
      return verdict(
        'pass',
        `Container ${c.name} does not mount the Docker socket.`,
        `bind mounts: ${
          bindMounts(c)
            .map((m) => m.source)
            .join(', ') || 'none'
        }`,
      );
    const direct = hits.some((m) => m.source.endsWith('docker.sock') || sockets.has(m.source));
    const what = direct ? 'the Docker socket' : 'a host directory that contains the Docker socket';
    return verdict('fail', `Container ${c.name} mounts ${what}, which gives it root on the host.`, ...hits.map(describeMount));
  });
}

export const dockerSocketNotMounted: Rule = {
  id: '5.32',
  aliases: { '1.7.0': '5.32', '1.6.0': '5.32' },
  title: 'Ensure that the Docker socket is not mounted inside any containers',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'critical',
  rationale:
    'The Docker API has no per-call authorisation: a process that can write to docker.sock (read-only binds do not help) can start a privileged container with the host filesystem mounted, i.e. it is root on the host.',
  impact:
    'Tools that manage containers from inside one (CI runners, reverse proxies reading labels, dashboards) lose that ability; give them a filtering socket proxy or a remote API with TLS and authorisation instead.',
  remediation:
    "Remove the docker.sock bind mount (-v /var/run/docker.sock:..., Compose volumes, `use_api_socket: true`). Where a tool truly needs the API, put an API-filtering proxy in front of it and mount that proxy's socket instead.",
  references: ['CIS Docker Benchmark v1.8.0, 5.32', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
  check,
  remediate: (facts) =>
    remediateFailures(facts, check, (c) => ({
      manual: `Container ${c.name}${c.subject.service ? ` (compose service ${c.subject.project}/${c.subject.service})` : ''}: remove the Docker socket mount; if it needs the API, give it a filtering socket proxy instead.`,
      impact: 'The container can no longer control the Docker engine.',
    })),
};
