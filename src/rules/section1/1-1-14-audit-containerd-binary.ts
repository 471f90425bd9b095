// CIS 1.1.14: audit the containerd binary wherever it is installed.
import type { Rule } from '../rule.js';
import { binaryPaths } from './docker-paths.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

export const auditContainerdBinaryRule: Rule = auditWatchRule({
  id: '1.1.14',
  aliases: { '1.7.0': '1.1.14', '1.6.0': '1.1.14' },
  title: 'Ensure auditing is configured for Docker files and directories - /usr/bin/containerd',
  level: 2,
  automated: true,
  severity: 'low',
  rationale: 'containerd runs every container for dockerd as root; replacing its binary must leave an audit trail.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w /usr/bin/containerd -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: (facts) => binaryPaths(facts, 'containerd'),
  ifExists: false,
});
