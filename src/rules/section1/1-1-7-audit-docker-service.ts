// CIS 1.1.7: audit the docker.service unit file at the path systemd loads it from.
import type { Rule } from '../rule.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';
import { unitAbsent } from './unit-absent.js';

export const auditDockerServiceRule: Rule = auditWatchRule({
  id: '1.1.7',
  aliases: { '1.7.0': '1.1.7', '1.6.0': '1.1.7' },
  title: 'Ensure auditing is configured for Docker files and directories - docker.service',
  level: 2,
  automated: true,
  severity: 'medium',
  rationale: 'docker.service decides how dockerd starts (its flags run as root); edits to it should be on record.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w <FragmentPath of docker.service> -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: (facts) => {
    const unit = facts.systemd.service;
    return unit ? [{ path: unit.path, source: 'docker.service FragmentPath' }] : unitAbsent(facts, 'docker.service');
  },
  ifExists: true,
});
