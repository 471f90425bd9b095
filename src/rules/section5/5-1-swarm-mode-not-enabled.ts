// 5.1: a swarm node opens the cluster ports and keeps cluster secrets; a host that does not
// need swarm should not carry that surface.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { factsItem } from '../item-rule.js';
import { engineGate } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  const gate = engineGate(facts, 'swarm settings');
  if (gate) return gate;
  const state = String(facts.engine!.info?.Swarm?.LocalNodeState ?? '');
  const off = state === '' || state === 'inactive';
  const message = off
    ? 'Swarm mode is not enabled on this engine.'
    : `Swarm mode is enabled (node state ${state}); leave the swarm unless this host needs it, or waive this item if it does.`;
  return [{ status: off ? 'pass' : 'fail', message, evidence: [{ kind: 'engine', detail: `docker info: Swarm.LocalNodeState: ${JSON.stringify(state)}` }] }];
}

const LEAVE = {
  text: 'Run `docker swarm leave` on this host if it does not need swarm mode (demote it first if it is a manager).',
  impact: 'Stops swarm tasks on this node.',
};

export const swarmModeNotEnabled = factsItem({
  id: '5.1',
  title: 'Ensure swarm mode is not Enabled, if not needed',
  severity: 'medium',
  rationale:
    'Swarm mode opens the cluster management (2377/tcp), gossip (7946) and overlay (4789/udp) ports and makes the engine hold cluster keys; a host that does not take part in a swarm gains only attack surface.',
  impact: 'Leaving a swarm stops every service task scheduled on this node and, on a manager, can cost the cluster its quorum.',
  remediation:
    'If this host does not need swarm, run `docker swarm leave` (on a manager, demote it first with `docker node demote <node>` or use `--force` on the last manager). If it is a deliberate swarm node, waive this item with the reason.',
  references: ['CIS Docker Benchmark v1.8.0, 5.1', 'https://docs.docker.com/reference/cli/docker/swarm/leave/'],
  check,
  advice: LEAVE,
});
