// CIS 1.1.4: audit /run/containerd, in CIS's syscall form (a non-recursive watch on the directory inode).
import type { Rule } from '../rule.js';
import { AUDIT_IMPACT, auditWatchRule, fixedPath } from './support.js';

export const auditRunContainerdRule: Rule = auditWatchRule({
  id: '1.1.4',
  aliases: { '1.7.0': '1.1.4', '1.6.0': '1.1.4' },
  title: 'Ensure auditing is configured for Docker files and directories - /run/containerd',
  level: 1,
  automated: false,
  severity: 'low',
  rationale: 'containerd keeps its runtime state and socket under /run/containerd; changes there affect every container.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-a always,exit -F path=/run/containerd -F perm=war -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: fixedPath('/run/containerd'),
  ifExists: false,
  syscallForm: true,
});
