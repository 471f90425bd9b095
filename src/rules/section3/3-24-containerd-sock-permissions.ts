// CIS 3.24: containerd's socket is 0660 or stricter.
import { containerdSocket } from '../section1/docker-paths.js';
import { modeRule } from './support.js';
import { CONTAINERD_SOCKET_FIX_IMPACT, socketTargets } from './targets.js';

export const containerdSockPermissionsRule = modeRule({
  id: '3.24',
  title: 'Ensure that the Containerd socket file permissions are set to 660 or more restrictively',
  automated: true,
  severity: 'critical',
  rationale: 'A world-accessible containerd socket gives every local user root on the host.',
  impact: 'None expected.',
  remediation:
    'chmod 660 on the socket containerd serves (/run/containerd/containerd.sock, or <exec-root>/containerd/containerd.sock for the containerd dockerd starts itself; containerd creates it 0660 unless changed).',
  references: ['CIS Docker Benchmark v1.8.0, 3.24', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
  maxMode: 0o660,
  targets: (facts) => socketTargets([containerdSocket(facts)]),
  fixImpact: CONTAINERD_SOCKET_FIX_IMPACT,
});
