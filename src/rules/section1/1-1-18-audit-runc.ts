// CIS 1.1.18: audit the runc binary wherever it is installed.
import type { Rule } from '../rule.js';
import { binaryPaths } from './docker-paths.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

export const auditRuncRule: Rule = auditWatchRule({
  id: '1.1.18',
  aliases: { '1.7.0': '1.1.18', '1.6.0': '1.1.18' },
  title: 'Ensure auditing is configured for Docker files and directories - /usr/bin/runc',
  level: 2,
  automated: true,
  severity: 'low',
  rationale: 'runc creates every container process as root; replacing it must leave an audit trail.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w /usr/bin/runc -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: (facts) => binaryPaths(facts, 'runc'),
  ifExists: false,
});
