// CIS 1.1.5: audit Docker's data root (/var/lib/docker unless the engine says otherwise).
//
// CIS 1.8.0 also lists "-a exit,never -F dir=<root>/volumes" and ".../overlay2" after the always
// rule. They are left out on purpose: the first matching rule wins, so placed after our rule they
// change nothing for it (a path= rule never sees those subtrees anyway); they would only silence
// other rules the site may have for volumes and image layers, which is not this tool's call.
import type { Rule } from '../rule.js';
import { dataRoot } from './docker-paths.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

export const auditDataRootRule: Rule = auditWatchRule({
  id: '1.1.5',
  aliases: { '1.7.0': '1.1.5', '1.6.0': '1.1.5' },
  title: 'Ensure auditing is configured for Docker files and directories - /var/lib/docker',
  level: 1,
  automated: false,
  severity: 'low',
  rationale: 'The data root holds images, container filesystems and volumes; changes to it should be on record.',
  impact: AUDIT_IMPACT,
  remediation:
    'Add "-a always,exit -F path=<data root> -F perm=war -k docker" under /etc/audit/rules.d/ (data root from "docker info -f {{.DockerRootDir}}") and load it with "augenrules --load".',
  targets: (facts) => [dataRoot(facts)],
  ifExists: false,
  syscallForm: true,
});
