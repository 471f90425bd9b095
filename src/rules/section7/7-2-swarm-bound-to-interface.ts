// 7.2: the listen address given to `swarm init/join` is not reported by the engine API (only the
// advertised NodeAddr is), so the check shows what is known and how to see the rest.
import { swarmInfo, swarmManualItem } from './support.js';

export const swarmBoundToInterface = swarmManualItem({
  id: '7.2',
  title: 'Ensure that swarm services are bound to a specific host interface',
  severity: 'medium',
  rationale: 'By default the swarm control and gossip ports listen on every interface (0.0.0.0:2377, :7946), including public ones.',
  impact: 'Changing the listen address means leaving and rejoining the swarm (managers need care to keep quorum).',
  remediation:
    'Initialise or join the swarm with a specific interface: `docker swarm init --listen-addr 10.0.0.5:2377 --advertise-addr 10.0.0.5` (for an existing node: leave and rejoin with --listen-addr).',
  references: ['CIS Docker Benchmark v1.8.0, 7.2', 'https://docs.docker.com/reference/cli/docker/swarm/init/#listen-addr'],
  message: 'The swarm listen address is not in the engine data; confirm ports 2377 and 7946 listen on the management interface only.',
  shown: (facts) => [`docker info: Swarm.NodeAddr: ${JSON.stringify(swarmInfo(facts).NodeAddr ?? '')}`],
  commands: ["ss -lntup | grep -E ':(2377|7946)\\b'"],
});
