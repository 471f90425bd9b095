// CIS 1.1.10: audit /etc/default/docker where the host has it (Debian family).
import type { Rule } from '../rule.js';
import { AUDIT_IMPACT, auditWatchRule, fixedPath } from './support.js';

export const auditEtcDefaultDockerRule: Rule = auditWatchRule({
  id: '1.1.10',
  aliases: { '1.7.0': '1.1.10', '1.6.0': '1.1.10' },
  title: 'Ensure auditing is configured for Docker files and directories - /etc/default/docker',
  level: 2,
  automated: true,
  severity: 'low',
  rationale: '/etc/default/docker sets options and environment for dockerd on Debian-family hosts.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w /etc/default/docker -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: fixedPath('/etc/default/docker'),
  ifExists: true,
});
