// CIS 2.16: live-restore. It cannot be combined with swarm mode (dockerd exits at start), so on a
// swarm node the item does not apply, and a live-restore that is set there is itself a failure.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { engineInfo, engineState, liveReading, readOption, type Reading } from './support.js';
import { flagAdvice, manual } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';

const SWARM_STATES = new Set(['active', 'pending', 'locked']);

export function swarmState(facts: HostFacts): string | null {
  const state = engineInfo(facts)?.Swarm?.LocalNodeState;
  return typeof state === 'string' && SWARM_STATES.has(state) ? state : null;
}

function onSwarmNode(facts: HostFacts, configured: Reading | undefined): CheckResult | null {
  const swarm = swarmState(facts);
  if (!swarm) return null;
  const evidence = [{ kind: 'engine', detail: `docker info: Swarm.LocalNodeState=${JSON.stringify(swarm)}` }];
  if (configured?.value === true) {
    return {
      status: 'fail',
      message: `live-restore is true (${configured.where}) on a swarm node, and dockerd exits at its next start because live-restore is incompatible with swarm mode.`,
      evidence: [configured.evidence, ...evidence],
    };
  }
  return { status: 'not-applicable', message: 'This node is in a swarm, and live-restore is incompatible with swarm mode.', evidence };
}

export const liveRestoreRule = daemonSettingRule(
  {
    id: '2.16',
    aliases: { '1.7.0': '2.15', '1.6.0': '2.15' },
    title: 'Ensure live restore is enabled',
    level: 1,
    automated: false,
    severity: 'low',
    rationale:
      'Without live-restore every daemon restart, including security upgrades of dockerd, stops all containers, which pushes operators to postpone those upgrades; with it, containers keep running.',
    impact: 'Incompatible with swarm mode: a swarm node with live-restore does not start dockerd.',
    remediation: 'On a host that is not a swarm node, set "live-restore": true in daemon.json and reload dockerd (the option is reloadable with SIGHUP).',
    references: ['https://docs.docker.com/engine/daemon/live-restore/', 'CIS Docker Benchmark v1.8.0, 2.16'],
  },
  {
    key: 'live-restore',
    subject: 'the live-restore setting',
    live: (facts) => {
      const v = engineInfo(facts)?.LiveRestoreEnabled;
      return typeof v === 'boolean' ? liveReading(v, `docker info: LiveRestoreEnabled=${v}`) : undefined;
    },
    decide: onSwarmNode,
    ok: (v) => v === true,
    pass: (r) => `live-restore is true (${r.where}), so containers keep running while dockerd restarts or is upgraded`,
    fail: (r) => `live-restore is false (${r.where}), so every dockerd restart or upgrade stops all containers`,
    fix: () => [
      {
        kind: 'daemon-json-set',
        key: 'live-restore',
        value: true,
        impact:
          'dockerd refuses to start if this node later joins a swarm; containers survive daemon restarts, so changes that need a container restart must be applied to them explicitly.',
      },
    ],
    remedy: (facts, _params, usual) => {
      if (swarmState(facts)) {
        return readOption(facts, 'live-restore')?.origin === 'flag'
          ? [flagAdvice(facts, 'live-restore')]
          : [
              {
                kind: 'daemon-json-remove',
                key: 'live-restore',
                reason: 'live-restore is incompatible with swarm mode and stops dockerd from starting on this swarm node',
              },
            ];
      }
      if (engineState(facts) === 'unknown') {
        return [
          manual(
            `Not enabling live-restore: the engine could not be asked (probe engine: ${facts.probes.engine?.status}), so a swarm membership that would stop dockerd from starting cannot be ruled out.`,
          ),
        ];
      }
      return usual();
    },
  },
);
