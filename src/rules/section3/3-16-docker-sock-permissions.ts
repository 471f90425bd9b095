// CIS 3.16: the Docker API socket is 0660 or stricter.
// chmod on a socket lasts until it is recreated, so docker.socket gets SocketMode in a drop-in.
import { dockerSockets } from '../section1/docker-paths.js';
import { modeRule } from './support.js';
import { socketTargets, socketUnitSettings } from './targets.js';

export const dockerSockPermissionsRule = modeRule({
  id: '3.16',
  title: 'Ensure that the Docker socket file permissions are set to 660 or more restrictively',
  automated: true,
  severity: 'critical',
  rationale: 'A world-accessible Docker socket gives every local user root on the host.',
  impact: "Users outside the socket's owner and group lose access to the Docker API.",
  remediation: 'chmod 660 /var/run/docker.sock, and make it last: SocketMode=0660 in a docker.socket drop-in.',
  references: ['CIS Docker Benchmark v1.8.0, 3.16', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
  maxMode: 0o660,
  targets: (facts) => socketTargets(dockerSockets(facts)),
  fixImpact: "Users outside the socket's owner and group lose access to the Docker API.",
  persist: (facts, target) => socketUnitSettings(facts, target.path, { SocketMode: '0660' }),
});
