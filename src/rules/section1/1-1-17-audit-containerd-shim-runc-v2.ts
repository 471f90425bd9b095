// CIS 1.1.17: audit the containerd-shim-runc-v2 binary wherever it is installed.
import type { Rule } from '../rule.js';
import { binaryPaths } from './docker-paths.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

export const auditContainerdShimRuncV2Rule: Rule = auditWatchRule({
  id: '1.1.17',
  aliases: { '1.7.0': '1.1.17', '1.6.0': '1.1.17' },
  title: 'Ensure auditing is configured for Docker files and directories - /usr/bin/containerd-shim-runc-v2',
  level: 2,
  automated: true,
  severity: 'low',
  rationale: 'The runc v2 shim parents each container process; replacing it must leave an audit trail.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w /usr/bin/containerd-shim-runc-v2 -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: (facts) => binaryPaths(facts, 'containerd-shim-runc-v2'),
  ifExists: false,
});
