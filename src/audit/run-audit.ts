// The audit engine: run every selected rule's check over the facts and turn the results into
// findings, in the order the rules are given (the catalog's is benchmark order). Pure: rules,
// waivers and the clock come in as arguments. A rule that throws or returns nonsense becomes a
// 'warn' finding, so one broken check never hides the others.
import type { HostFacts } from '../facts/host-facts.js';
import type { CheckResult, CheckStatus, Evidence, Rule, RuleMeta } from '../rules/rule.js';
import { describeError } from '../core/errors.js';
import type { AuditReport, Finding, RuleInfo, Waiver } from './findings.js';
import { selectRules, type RuleSelection } from './selection.js';
import { applyWaivers } from './waivers.js';
import { summarize } from './summary.js';

export interface AuditOptions {
  selection?: RuleSelection;
  waivers?: readonly Waiver[];
  /** The clock waivers expire against. */
  now?: Date;
}

const CHECK_STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'warn', 'manual', 'not-applicable'];

export function runAudit(facts: HostFacts, rules: readonly Rule[], opts: AuditOptions = {}): AuditReport {
  const selected = selectRules(rules, opts.selection);
  const raw = selected.flatMap((rule) => checkRule(rule, facts).map((result) => toFinding(rule, result)));
  const { findings, notes } = applyWaivers(raw, opts.waivers ?? [], opts.now ?? new Date());
  return {
    facts: { source: facts.source, collectedAt: facts.collectedAt, hostname: facts.hostname },
    rules: selected.map(ruleInfo),
    findings,
    summary: summarize(findings),
    notes,
  };
}

/** The rule's results, with a throwing or malformed check turned into a single 'warn'. */
export function checkRule(rule: Rule, facts: HostFacts): CheckResult[] {
  let results: unknown;
  try {
    results = rule.check(facts);
  } catch (err) {
    return [warn(`check failed: ${describeError(err)}`)];
  }
  if (!Array.isArray(results)) return [warn('check failed: the check returned no result list')];
  if (results.length === 0) return [{ status: 'not-applicable', message: 'Nothing to check on this host.', evidence: [] }];
  return results.map((r: Partial<CheckResult> | null) =>
    r && CHECK_STATUSES.includes(r.status as CheckStatus)
      ? { ...r, status: r.status!, message: String(r.message ?? ''), evidence: cleanEvidence(r.evidence) }
      : warn(`check failed: the check returned an unknown status ${JSON.stringify(r?.status ?? null)}`),
  );
}

/** Reporters print evidence as text: keep only well-formed items, with text where text belongs. */
function cleanEvidence(evidence: unknown): Evidence[] {
  if (!Array.isArray(evidence)) return [];
  return evidence
    .filter((e): e is Evidence => typeof e === 'object' && e !== null)
    .map((e) => ({ ...e, kind: String(e.kind ?? ''), detail: String(e.detail ?? '') }));
}

function warn(message: string): CheckResult {
  return { status: 'warn', message, evidence: [] };
}

function toFinding(rule: Rule, result: CheckResult): Finding {
  const subject = result.subject && Object.values(result.subject).some((v) => v) ? { ...result.subject } : undefined;
  return {
    id: rule.id,
    aliases: { ...rule.aliases },
    title: rule.title,
    section: rule.section,
    level: rule.level,
    status: result.status,
    severity: result.severity ?? rule.severity,
    evidence: result.evidence,
    message: result.message,
    remediation: rule.remediation,
    ...(subject ? { subject } : {}),
  };
}

export function ruleInfo(rule: RuleMeta): RuleInfo {
  const { id, aliases, title, section, level, automated, checks, severity, rationale, impact, remediation, references } = rule;
  return { id, aliases, title, section, level, automated, checks, severity, rationale, impact, remediation, references };
}
