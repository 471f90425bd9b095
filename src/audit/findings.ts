// What an audit produces: one finding per check result, the metadata of the rules that ran, and a
// summary. Plain JSON data, so every reporter (and profiles, plans) reads the same thing.
import type { CheckStatus, Evidence, RuleMeta, Section, Severity } from '../rules/rule.js';

export type FindingStatus = CheckStatus | 'waived';

export const FINDING_STATUSES: readonly FindingStatus[] = ['pass', 'fail', 'warn', 'manual', 'not-applicable', 'waived'];
/** Highest first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** A profile's decision to accept a failing item, kept visible in every report. */
export interface Waiver {
  id: string;
  reason: string;
  /** ISO date ("2026-06-30", valid through that day, UTC) or date-time. */
  expires?: string;
}

export interface FindingWaiver {
  reason: string;
  expires?: string;
  /** Set when the waiver matched but no longer applies; the finding keeps its 'fail'. */
  expired?: boolean;
}

export interface FindingSubject {
  container?: string;
  service?: string;
  project?: string;
  /** Image reference, for per-image results (section 4). */
  image?: string;
}

export interface Finding {
  id: string;
  aliases: Record<string, string>;
  title: string;
  section: Section;
  level: 1 | 2;
  status: FindingStatus;
  severity: Severity;
  evidence: Evidence[];
  message: string;
  remediation: string;
  subject?: FindingSubject;
  waiver?: FindingWaiver;
}

export interface AuditSummary {
  total: number;
  byStatus: Record<FindingStatus, number>;
  bySection: Record<string, Record<FindingStatus, number>>;
  /** Findings with status 'fail' (waived ones excluded), by severity. */
  failingBySeverity: Record<Severity, number>;
}

/** Rule metadata without the functions, for reporters that describe rules (SARIF). */
export type RuleInfo = RuleMeta;

export interface AuditReport {
  facts: { source: 'host' | 'file'; collectedAt: string; hostname: string };
  rules: RuleInfo[];
  findings: Finding[];
  summary: AuditSummary;
  /** Things the reader should know that are not findings: expired or unused waivers. */
  notes: string[];
  /** Whether the engine answered (set by the audit command; `required` false under --no-engine or without Docker). */
  engine?: { endpoint: string; status: string; message?: string; required: boolean };
}

export function emptyStatusCounts(): Record<FindingStatus, number> {
  return { pass: 0, fail: 0, warn: 0, manual: 0, 'not-applicable': 0, waived: 0 };
}

/** Fails at or above the threshold (waived findings never count). */
export function failingAtOrAbove(findings: readonly Finding[], threshold: Severity): Finding[] {
  const min = severityRank(threshold);
  return findings.filter((f) => f.status === 'fail' && severityRank(f.severity) >= min);
}

/** How reports name a per-container or per-service finding: "web", "shop/db". */
export function subjectLabel(f: Pick<Finding, 'subject'>): string {
  const s = f.subject;
  if (!s) return '';
  if (s.container) return s.container;
  if (s.service) return s.project ? `${s.project}/${s.service}` : s.service;
  return s.project ?? s.image ?? '';
}
