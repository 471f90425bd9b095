// CIS 2.1: rootless dockerd. Running rootful is often a requirement, so this never fails: it passes
// when the daemon is rootless and otherwise asks for a decision.
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import type { CheckResult, Evidence } from '../rule.js';
import { engineInfo, flagEvidence, securityOptions } from './support.js';
import { manualItem } from '../item-rule.js';

function rootlessEvidence(facts: HostFacts): Evidence | null {
  const opts = securityOptions(engineInfo(facts));
  if (opts?.includes('name=rootless')) return { kind: 'engine', detail: 'docker info: SecurityOptions contains "name=rootless"' };
  if (effectiveConfig(facts).flags.get('rootless')?.value === true) return flagEvidence(facts, 'rootless');
  // A per-user runtime directory socket is where dockerd-rootless.sh puts the API.
  const host = facts.engine?.host ?? '';
  if (/^unix:\/\/\/run\/user\/\d+\//.test(host)) return { kind: 'engine', detail: `engine socket ${host} is a per-user (rootless) socket` };
  return null;
}

function check(facts: HostFacts): CheckResult[] {
  const rootless = rootlessEvidence(facts);
  if (rootless) return [{ status: 'pass', message: 'The Docker daemon runs rootless.', evidence: [rootless] }];
  const opts = securityOptions(engineInfo(facts));
  const evidence: Evidence[] = opts
    ? [{ kind: 'engine', detail: `docker info: SecurityOptions ${JSON.stringify(opts)} has no "name=rootless"` }]
    : [{ kind: 'engine', detail: `engine not inspected (probe engine: ${facts.probes.engine?.status ?? 'not run'})` }];
  return [
    {
      status: 'manual',
      message: opts
        ? 'The Docker daemon runs as root; decide whether this host can run rootless Docker instead (dockerd-rootless-setuptool.sh).'
        : 'Whether the Docker daemon runs rootless is unknown; check `docker info` for "rootless" and decide whether this host can run rootless Docker.',
      evidence,
    },
  ];
}

export const runDaemonAsNonRootRule = manualItem({
  id: '2.1',
  title: 'Run the Docker daemon as a non-root user, if possible',
  severity: 'medium',
  rationale:
    'A rootful dockerd and its containers run with root privileges on the host, so a daemon or container-runtime escape yields host root; rootless mode runs both inside an unprivileged user namespace.',
  impact:
    'Rootless Docker cannot use AppArmor, overlay networking, ports below 1024 without extra sysctl, some storage drivers or cgroup v1 resource limits; existing images and containers live under the rootful data root and are not visible to it.',
  remediation:
    'Where the workload allows it, install the rootless extras and run `dockerd-rootless-setuptool.sh install` as the user that will own the daemon, point clients at its socket (DOCKER_HOST=unix:///run/user/<uid>/docker.sock), and disable the system-wide daemon; otherwise record why the daemon must stay rootful.',
  references: ['https://docs.docker.com/engine/security/rootless/', 'CIS Docker Benchmark v1.8.0, 2.1'],
  check,
});
