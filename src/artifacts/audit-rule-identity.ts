// One canonical form per audit rule, so a rule is recognised whether it was written as
// `-w PATH -k KEY`, as the equivalent `-a always,exit -F path=PATH -F perm=…`, or read back
// from `auditctl -l`. The parsing is section 1's normaliser; this only adapts it for lookups.
import { canonicalAuditRule, parseAuditRule } from '../facts/audit-rule-parser.js';

/** Canonical identity of one rule line, or null for comments, blanks and control lines (-D, -b, -e…). */
export type AuditRuleIdentity = (line: string) => string | null;

export const auditRuleIdentity: AuditRuleIdentity = (line) => {
  const rule = parseAuditRule(line);
  // Syscalls are a set: `auditctl -l` prints them in its own order (-S open,openat for -S openat -S open).
  return rule && rule.kind !== 'control' ? canonicalAuditRule({ ...rule, syscalls: [...rule.syscalls].sort() }) : null;
};
