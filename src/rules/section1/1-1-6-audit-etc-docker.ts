// CIS 1.1.6: audit /etc/docker (a -w watch on a directory covers its whole tree).
import type { Rule } from '../rule.js';
import { AUDIT_IMPACT, auditWatchRule, fixedPath } from './support.js';

export const auditEtcDockerRule: Rule = auditWatchRule({
  id: '1.1.6',
  aliases: { '1.7.0': '1.1.6', '1.6.0': '1.1.6' },
  title: 'Ensure auditing is configured for Docker files and directories - /etc/docker',
  level: 1,
  automated: true,
  severity: 'medium',
  rationale: '/etc/docker holds daemon.json, TLS keys and registry certificates; changes there alter how the root daemon behaves.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w /etc/docker -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: fixedPath('/etc/docker'),
  ifExists: false,
});
