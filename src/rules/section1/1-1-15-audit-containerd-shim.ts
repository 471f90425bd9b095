// CIS 1.1.15: audit the containerd-shim binary wherever it is installed.
import type { Rule } from '../rule.js';
import { binaryPaths } from './docker-paths.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

export const auditContainerdShimRule: Rule = auditWatchRule({
  id: '1.1.15',
  aliases: { '1.7.0': '1.1.15', '1.6.0': '1.1.15' },
  title: 'Ensure auditing is configured for Docker files and directories - /usr/bin/containerd-shim',
  level: 2,
  automated: true,
  severity: 'low',
  rationale: 'The shim parents each container process; replacing it must leave an audit trail (the v1 shim is gone from current containerd).',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w /usr/bin/containerd-shim -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: (facts) => binaryPaths(facts, 'containerd-shim'),
  ifExists: true,
});
