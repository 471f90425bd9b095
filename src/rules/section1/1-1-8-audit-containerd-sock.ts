// CIS 1.1.8: audit containerd's socket: the one dockerd's own containerd serves, else the one dockerd
// is told to use, else the packaged path.
import type { Rule } from '../rule.js';
import { containerdSocket } from './docker-paths.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

export const auditContainerdSockRule: Rule = auditWatchRule({
  id: '1.1.8',
  aliases: { '1.7.0': '1.1.8', '1.6.0': '1.1.8' },
  title: 'Ensure auditing is configured for Docker files and directories - containerd.sock',
  level: 2,
  automated: true,
  severity: 'low',
  rationale: 'Whoever can reach containerd.sock can run containers as root without going through dockerd.',
  impact: `${AUDIT_IMPACT} The socket's directory under /run only exists once containerd runs: at boot this watch fails to load (and stops the rules after it) unless the rules are loaded again after containerd starts.`,
  remediation:
    'Add "-w <containerd socket> -p rwxa -k docker" (/run/containerd/containerd.sock, or <exec-root>/containerd/containerd.sock for the containerd dockerd 20.10 starts itself) under /etc/audit/rules.d/ and load it with "augenrules --load" while containerd runs.',
  targets: (facts) => [containerdSocket(facts)],
  ifExists: true,
});
