// The audit rules a host really has: the loaded ones (`auditctl -l`) when the probe could list
// them, else the rules files (what will load at next boot). Parsed once per facts object.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Evidence } from '../rule.js';
import { isAuditKillSwitch, parseAuditRules, ruleCoversPath, type AuditRule } from './audit-rule-parser.js';

export interface SourcedRule {
  rule: AuditRule;
  /** "auditctl -l" or the rules file path. */
  origin: string;
}

export interface HostAuditRules {
  source: 'loaded' | 'files';
  rules: SourcedRule[];
  /** Rules in files; kept next to loaded rules to tell "written but not loaded" apart. */
  fileRules: SourcedRule[];
  killSwitch: SourcedRule | undefined;
}

const cache = new WeakMap<HostFacts, HostAuditRules | CheckResult>();

/** The host's audit rules, or a 'warn' result when neither auditctl nor any rules file could be read. */
export function hostAuditRules(facts: HostFacts): HostAuditRules | CheckResult {
  const hit = cache.get(facts);
  if (hit) return hit;
  const fileRules = facts.audit.rulesFiles.flatMap((f) => parseAuditRules(f.content).map((rule) => ({ rule, origin: f.path })));
  let out: HostAuditRules | CheckResult;
  if (facts.audit.loadedRules !== null) {
    const rules = parseAuditRules(facts.audit.loadedRules).map((rule) => ({ rule, origin: 'auditctl -l' }));
    out = { source: 'loaded', rules, fileRules, killSwitch: rules.find((r) => isAuditKillSwitch(r.rule)) };
  } else if (facts.audit.rulesFiles.length > 0) {
    out = { source: 'files', rules: fileRules, fileRules, killSwitch: fileRules.find((r) => isAuditKillSwitch(r.rule)) };
  } else {
    const probe = facts.probes.audit;
    const why = probe ? `${probe.status}${probe.message ? `: ${probe.message}` : ''}` : 'not collected';
    out = {
      status: 'warn',
      message: 'The loaded audit rules are unknown (auditctl -l could not run) and no audit rules files were found.',
      evidence: [{ kind: 'audit', detail: `audit probe ${why}; no rules files under /etc/audit/rules.d` }],
    };
  }
  cache.set(facts, out);
  return out;
}

export function isUnavailable(rules: HostAuditRules | CheckResult): rules is CheckResult {
  return 'status' in rules;
}

export function findCovering(rules: readonly SourcedRule[], path: string): SourcedRule | undefined {
  return rules.find((r) => ruleCoversPath(r.rule, path));
}

export function killSwitchEvidence(kill: SourcedRule): Evidence {
  return { kind: 'audit', detail: `${kill.origin}: ${kill.rule.raw} (suppresses syscall auditing for every task, so watches never fire)` };
}
