// 7.2: the listen address given to `swarm init/join` is not reported by the engine API (only the
// advertised NodeAddr is), so the check shows what is known and how to see the rest.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { swarmInfo, swarmManual } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  return swarmManual(
    facts,
    'The swarm listen address is not in the engine data; confirm ports 2377 and 7946 listen on the management interface only.',
    [`docker info: Swarm.NodeAddr: ${JSON.stringify(swarmInfo(facts).NodeAddr ?? '')}`],
    "ss -lntup | grep -E ':(2377|7946)\\b'",
  );
}

export const swarmBoundToInterface: Rule = {
  id: '7.2',
  aliases: { '1.7.0': '7.2', '1.6.0': '7.2' },
  title: 'Ensure that swarm services are bound to a specific host interface',
  section: 7,
  level: 1,
  automated: false,
  checks: 'manual',
  severity: 'medium',
  rationale: 'By default the swarm control and gossip ports listen on every interface (0.0.0.0:2377, :7946), including public ones.',
  impact: 'Changing the listen address means leaving and rejoining the swarm (managers need care to keep quorum).',
  remediation:
    'Initialise or join the swarm with a specific interface: `docker swarm init --listen-addr 10.0.0.5:2377 --advertise-addr 10.0.0.5` (for an existing node: leave and rejoin with --listen-addr).',
  references: ['CIS Docker Benchmark v1.8.0, 7.2', 'https://docs.docker.com/reference/cli/docker/swarm/init/#listen-addr'],
  check,
};
