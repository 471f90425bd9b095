// Counts over findings: per status, per section, and failing per severity, plus the one-line
// summary every human-readable report ends with.
import type { Severity } from '../rules/rule.js';
import { SEVERITIES, emptyStatusCounts, type AuditSummary, type Finding, type FindingStatus } from './findings.js';

export function summarize(findings: readonly Finding[]): AuditSummary {
  const summary: AuditSummary = {
    total: findings.length,
    byStatus: emptyStatusCounts(),
    bySection: {},
    failingBySeverity: { critical: 0, high: 0, medium: 0, low: 0 },
  };
  for (const f of findings) {
    summary.byStatus[f.status]++;
    (summary.bySection[String(f.section)] ??= emptyStatusCounts())[f.status]++;
    if (f.status === 'fail') summary.failingBySeverity[f.severity]++;
  }
  return summary;
}

/** "12 pass, 5 fail (2 critical, 3 high), 3 warn, 40 manual, 4 not applicable, 1 waived" */
export function summaryLine(summary: AuditSummary): string {
  const s = summary.byStatus;
  const bySeverity = SEVERITIES.filter((sev: Severity) => summary.failingBySeverity[sev] > 0)
    .map((sev) => `${summary.failingBySeverity[sev]} ${sev}`)
    .join(', ');
  return [
    `${s.pass} pass`,
    `${s.fail} fail${bySeverity ? ` (${bySeverity})` : ''}`,
    `${s.warn} warn`,
    `${s.manual} manual`,
    `${s['not-applicable']} not applicable`,
    `${s.waived} waived`,
  ].join(', ');
}

/** Under a table cut down by --only: what it shows, and that the summary still counts everything. */
export function shownLine(only: readonly FindingStatus[], shown: number, total: number): string {
  const names = only.map((s) => (s === 'not-applicable' ? 'not applicable' : s)).join(', ');
  return `Showing ${names} rows only (${shown} of ${total}); the summary counts every finding.`;
}
