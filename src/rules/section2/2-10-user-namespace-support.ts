// CIS 2.10: userns-remap. Enabling it is refused where it would break what runs today: privileged
// or host-namespace containers fail to start under remapping, and a v29 containerd snapshotter
// cannot be combined with it.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { HardeningParams } from '../params.js';
import { engineInfo, engineState, liveReading, securityOptions, type Reading } from './support.js';
import { manual } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';

// Configured values are the remap user (string); the engine only reports on/off (boolean).
const ok = (v: unknown) => v === true || (typeof v === 'string' && v !== '');

export const USERNS_IMPACT =
  'dockerd switches to a new data root (/var/lib/docker/<uid>.<gid>), so existing images, containers and volumes become invisible until remapping is turned off again; bind-mounted host paths need ownership for the remapped IDs; --privileged, --network=host and --pid=host containers need --userns=host.';

function live(facts: HostFacts): Reading | undefined {
  const opts = securityOptions(engineInfo(facts));
  if (!opts) return undefined;
  const on = opts.includes('name=userns');
  return liveReading(on, `docker info: SecurityOptions ${on ? 'contains' : 'lacks'} "name=userns"`);
}

/** Containers that cannot start once remapping is on, with the reason. */
export function remapBlockers(facts: HostFacts): string[] {
  return (facts.engine?.containers ?? []).flatMap((c) => {
    const hc = c.HostConfig ?? {};
    if (hc.UsernsMode === 'host') return [];
    const why = [hc.Privileged === true && 'privileged', hc.NetworkMode === 'host' && 'host network', hc.PidMode === 'host' && 'host PID namespace'].filter(
      Boolean,
    );
    return why.length ? [`${String(c.Name ?? c.Id).replace(/^\//, '')} (${why.join(', ')})`] : [];
  });
}

/** Turn remapping on, unless something that runs today would stop starting. */
function enableRemap(facts: HostFacts, params: HardeningParams): Contribution[] {
  if (engineState(facts) === 'unknown') {
    return [
      manual(
        `Not enabling userns-remap: the engine could not be asked (probe engine: ${facts.probes.engine?.status}), so privileged or host-namespace containers that it would break cannot be ruled out.`,
      ),
    ];
  }
  const blockers = remapBlockers(facts);
  if (blockers.length > 0) {
    return [
      manual(
        `Not enabling userns-remap: these containers could not start with it: ${blockers.join(', ')}; give them --userns=host (or drop those settings) first.`,
      ),
    ];
  }
  const features = facts.daemonJson.parsed?.features as Record<string, unknown> | undefined;
  if (features?.['containerd-snapshotter'] === true) {
    return [
      manual('Not enabling userns-remap: daemon.json enables features.containerd-snapshotter, which dockerd refuses to combine with user namespace remapping.'),
    ];
  }
  return [{ kind: 'daemon-json-set', key: 'userns-remap', value: params.usernsRemap, impact: USERNS_IMPACT }];
}

export const userNamespaceSupportRule = daemonSettingRule(
  {
    id: '2.10',
    aliases: { '1.7.0': '2.9', '1.6.0': '2.9' },
    title: 'Enable user namespace support',
    level: 2,
    automated: false,
    severity: 'medium',
    rationale:
      'Without remapping, UID 0 in a container is UID 0 on the host, so any escape from the container (a kernel bug, a writable host mount) lands as root; remapping makes it an unprivileged subordinate UID.',
    impact: USERNS_IMPACT,
    remediation:
      'On a host where no container needs --privileged, --network=host or --pid=host (or those get --userns=host), set "userns-remap": "default" (dockerd creates the dockremap user and its /etc/subuid and /etc/subgid ranges), restart dockerd, then pull images and recreate containers and volumes under the new data root.',
    references: ['https://docs.docker.com/engine/security/userns-remap/', 'CIS Docker Benchmark v1.8.0, 2.10'],
  },
  {
    key: 'userns-remap',
    subject: 'user namespace remapping',
    live,
    decide: (facts) =>
      securityOptions(engineInfo(facts))?.includes('name=rootless')
        ? {
            status: 'pass',
            message: 'The daemon runs rootless, so container root already maps to an unprivileged host user.',
            evidence: [{ kind: 'engine', detail: 'docker info: SecurityOptions contains "name=rootless"' }],
          }
        : null,
    ok,
    same: (a, b) => ok(a) === ok(b),
    show: (v) => (typeof v === 'string' ? (v ? `userns-remap ${JSON.stringify(v)}` : 'no remapping') : v ? 'remapping on' : 'remapping off'),
    pass: (r) =>
      `User namespace remapping is on${typeof r.value === 'string' ? ` for ${JSON.stringify(r.value)}` : ''} (${r.where}), so root in a container is an unprivileged user on the host`,
    fail: (r) => `User namespace remapping is off (${r.where}), so root in a container is root on the host`,
    fix: (_r, facts, params) => enableRemap(facts, params),
  },
);
