// CIS 1.1.11: audit daemon.json at the path dockerd reads (--config-file, else /etc/docker/daemon.json).
import type { Rule } from '../rule.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

export const auditDaemonJsonRule: Rule = auditWatchRule({
  id: '1.1.11',
  aliases: { '1.7.0': '1.1.11', '1.6.0': '1.1.11' },
  title: 'Ensure auditing is configured for Docker files and directories - /etc/docker/daemon.json',
  level: 2,
  automated: true,
  severity: 'medium',
  rationale: 'daemon.json holds the daemon-wide security settings; edits to it should be on record.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w <daemon.json path> -p rwxa -k docker" under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: (facts) => [{ path: facts.daemonJson.path, source: 'the daemon configuration file dockerd reads' }],
  ifExists: true,
});
