// CIS 3.15: the Docker API socket belongs to root:docker (root:root is stricter and passes too).
// chown on a socket lasts until it is recreated, so docker.socket gets the same owner in a drop-in.
import { dockerSockets } from '../section1/docker-paths.js';
import { ownershipRule } from './support.js';
import { socketTargets, socketUnitSettings } from './targets.js';

export const dockerSockOwnershipRule = ownershipRule({
  id: '3.15',
  title: 'Ensure that the Docker socket file ownership is set to root:docker',
  automated: true,
  severity: 'high',
  rationale: "Everyone in the socket's group has root on the host through the Docker API.",
  impact: "Users in the socket's previous group lose access to the Docker API.",
  remediation:
    'chown root:docker /var/run/docker.sock, and make it last: SocketUser=root and SocketGroup=docker in a docker.socket drop-in (or dockerd --group docker).',
  references: ['CIS Docker Benchmark v1.8.0, 3.15', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
  group: 'docker',
  targets: (facts) => socketTargets(dockerSockets(facts)),
  fixImpact: "Users in the socket's previous group lose access to the Docker API.",
  persist: (facts, target) => socketUnitSettings(facts, target.path, { SocketUser: 'root', SocketGroup: 'docker' }),
});
