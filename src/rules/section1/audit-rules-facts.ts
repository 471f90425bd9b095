// The audit rules a host really has: the loaded ones (`auditctl -l`) when the probe could list
// them, else the rules files (what will load at next boot). Parsed once per facts object. A rule
// also carries where its path really is (the audit probe resolves it), so a watch written through
// a symlinked directory (/lib -> usr/lib) counts for the real path.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Evidence } from '../rule.js';
import { isAuditKillSwitch, normalizeAuditPath, parseAuditRules, ruleRecordsChanges, type AuditRule } from '../../facts/audit-rule-parser.js';

export interface SourcedRule {
  rule: AuditRule;
  /** "auditctl -l" or the rules file path. */
  origin: string;
  /** Where rule.path really is, when the probe resolved it to somewhere else. */
  realPath?: string;
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
  const fileRules = facts.audit.rulesFiles.flatMap((f) => parseAuditRules(f.content).map((rule) => sourced(facts, rule, f.path)));
  let out: HostAuditRules | CheckResult;
  if (facts.audit.loadedRules !== null) {
    const rules = parseAuditRules(facts.audit.loadedRules).map((rule) => sourced(facts, rule, 'auditctl -l'));
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

function sourced(facts: HostFacts, rule: AuditRule, origin: string): SourcedRule {
  // Facts from older versions have no realPaths: their rules match by the path as written.
  const real = rule.path === undefined ? undefined : facts.audit.realPaths?.[rule.path];
  return real && real !== rule.path ? { rule, origin, realPath: real } : { rule, origin };
}

/** Whether the rule's path, as written or where it really is, is one of the spellings of `path`. */
export function namesPath(r: SourcedRule, path: string, realPath?: string): boolean {
  const wanted = [path, realPath].filter((p): p is string => !!p).map(normalizeAuditPath);
  return [r.rule.path, r.realPath].some((p) => p !== undefined && wanted.includes(p));
}

/** The first rule that records changes to `path`, known also by `realPath` (its symlinks resolved). */
export function findCovering(rules: readonly SourcedRule[], path: string, realPath?: string): SourcedRule | undefined {
  return rules.find((r) => namesPath(r, path, realPath) && ruleRecordsChanges(r.rule));
}

export function killSwitchEvidence(kill: SourcedRule): Evidence {
  return { kind: 'audit', detail: `${kill.origin}: ${kill.rule.raw} (suppresses syscall auditing for every task, so watches never fire)` };
}
