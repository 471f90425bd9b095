// CIS 1.1.3: audit the dockerd binary, found where the running daemon or its unit says it is.
import type { Rule } from '../rule.js';
import { hostAuditRules, isUnavailable } from './audit-rules-facts.js';
import { dockerdPath } from './docker-paths.js';
import { AUDIT_IMPACT, auditWatchRule } from './support.js';

const base = auditWatchRule({
  id: '1.1.3',
  aliases: { '1.7.0': '1.1.3', '1.6.0': '1.1.3' },
  title: 'Ensure auditing is configured for the Docker daemon',
  level: 1,
  automated: true,
  severity: 'medium',
  rationale: 'dockerd runs as root and controls every container; replacing or tampering with its binary must leave an audit trail.',
  impact: AUDIT_IMPACT,
  remediation: 'Add "-w <dockerd path> -p rwxa -k docker" to a file under /etc/audit/rules.d/ and load it with "augenrules --load".',
  targets: (facts) => [dockerdPath(facts)],
  ifExists: false,
});

export const auditDockerDaemonRule: Rule = {
  ...base,
  // The kill switch silences every Docker watch at once; the daemon item is where it is reported as work to do.
  remediate(facts, params) {
    const out = base.remediate!(facts, params);
    const audit = hostAuditRules(facts);
    if (!isUnavailable(audit) && audit.killSwitch) {
      out.push({
        kind: 'manual',
        text: `Remove "${audit.killSwitch.rule.raw}" (${audit.killSwitch.origin === 'auditctl -l' ? 'loaded; usually from /etc/audit/rules.d/10-no-audit.rules' : audit.killSwitch.origin}) and reload the rules: while it is present no audit watch fires.`,
        impact: 'Syscall auditing starts for every task, which raises audit log volume.',
      });
    }
    return out;
  },
};
