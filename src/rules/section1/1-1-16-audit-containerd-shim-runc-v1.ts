// CIS 1.1.16: audit the containerd-shim-runc-v1 binary wherever it is installed.
import type { Rule } from '../rule.js';
import { binaryPaths } from './docker-paths.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

export const auditContainerdShimRuncV1Rule: Rule = auditWatchRule({
  id: '1.1.16',
  aliases: { '1.7.0': '1.1.16', '1.6.0': '1.1.16' },
  title: 'Ensure auditing is configured for Docker files and directories - /usr/bin/containerd-shim-runc-v1',
  level: 2,
  automated: false,
  severity: 'low',
  rationale: 'The shim parents each container process; replacing it must leave an audit trail (removed in containerd 2.x).',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w /usr/bin/containerd-shim-runc-v1 -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: (facts) => binaryPaths(facts, 'containerd-shim-runc-v1'),
  ifExists: true,
});
