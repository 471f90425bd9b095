// CIS 3.23: containerd's socket belongs to root:root.
import { containerdSocket } from '../section1/docker-paths.js';
import { ownershipRule } from './support.js';
import { CONTAINERD_SOCKET_FIX_IMPACT, socketTargets } from './targets.js';

export const containerdSockOwnershipRule = ownershipRule({
  id: '3.23',
  title: 'Ensure that the Containerd socket file ownership is set to root:root',
  automated: true,
  severity: 'high',
  rationale: "Access to containerd's socket runs containers as root without going through dockerd.",
  impact: 'None expected.',
  remediation:
    'chown root:root on the socket containerd serves (/run/containerd/containerd.sock, or <exec-root>/containerd/containerd.sock for the containerd dockerd starts itself); to make it last, set uid = 0 and gid = 0 under [grpc] in /etc/containerd/config.toml.',
  references: ['CIS Docker Benchmark v1.8.0, 3.23', 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface'],
  group: 'root',
  targets: (facts) => socketTargets([containerdSocket(facts)]),
  fixImpact: CONTAINERD_SOCKET_FIX_IMPACT,
});
