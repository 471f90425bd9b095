// CIS 1.1.12: audit containerd's configuration file where it exists.
import type { Rule } from '../rule.js';
import { AUDIT_IMPACT, auditWatchRule, fixedPath } from './support.js';

export const auditContainerdConfigRule: Rule = auditWatchRule({
  id: '1.1.12',
  aliases: { '1.7.0': '1.1.12', '1.6.0': '1.1.12' },
  title: 'Ensure auditing is configured for Docker files and directories - /etc/containerd/config.toml',
  level: 2,
  automated: true,
  severity: 'low',
  rationale: 'config.toml decides how containerd runs containers (runtimes, socket owner, plugins).',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w /etc/containerd/config.toml -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: fixedPath('/etc/containerd/config.toml'),
  ifExists: true,
});
