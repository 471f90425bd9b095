// CIS 1.1.13: audit /etc/sysconfig/docker where the host has it (Red Hat family).
import type { Rule } from '../rule.js';
import { AUDIT_IMPACT, auditWatchRule, fixedPath } from './support.js';

export const auditEtcSysconfigDockerRule: Rule = auditWatchRule({
  id: '1.1.13',
  aliases: { '1.7.0': '1.1.13', '1.6.0': '1.1.13' },
  title: 'Ensure auditing is configured for Docker files and directories - /etc/sysconfig/docker',
  level: 2,
  automated: true,
  severity: 'low',
  rationale: '/etc/sysconfig/docker sets options and environment for dockerd on Red Hat-family hosts.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w /etc/sysconfig/docker -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: fixedPath('/etc/sysconfig/docker'),
  ifExists: true,
});
