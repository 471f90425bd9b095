// The machine report: a stable, documented shape for CI and other tools.
import { VERSION } from '../core/version.js';
import type { AuditReport, AuditSummary, Finding } from './findings.js';

export const BENCHMARK_NAME = 'CIS Docker Benchmark v1.8.0';

export interface JsonReport {
  tool: 'docker-harden';
  version: string;
  benchmark: typeof BENCHMARK_NAME;
  facts: { source: 'host' | 'file'; collectedAt: string };
  /** The engine the facts came from and whether it answered; absent when the report was made without facts of a run. */
  engine?: NonNullable<AuditReport['engine']>;
  results: JsonResult[];
  summary: AuditSummary;
  /** What the audit says besides findings (a waiver that expired, a scan report that matched no image); absent when none. */
  notes?: string[];
}

export type JsonResult = Pick<
  Finding,
  'id' | 'aliases' | 'title' | 'section' | 'level' | 'status' | 'severity' | 'evidence' | 'remediation' | 'message' | 'subject' | 'waiver'
>;

export function toJsonReport(report: AuditReport, version = VERSION): JsonReport {
  return {
    tool: 'docker-harden',
    version,
    benchmark: BENCHMARK_NAME,
    facts: { source: report.facts.source, collectedAt: report.facts.collectedAt },
    ...(report.engine ? { engine: report.engine } : {}),
    results: report.findings.map((f) => ({
      id: f.id,
      aliases: f.aliases,
      title: f.title,
      section: f.section,
      level: f.level,
      status: f.status,
      severity: f.severity,
      evidence: f.evidence,
      remediation: f.remediation,
      message: f.message,
      ...(f.subject ? { subject: f.subject } : {}),
      ...(f.waiver ? { waiver: f.waiver } : {}),
    })),
    summary: report.summary,
    ...(report.notes.length > 0 ? { notes: report.notes } : {}),
  };
}

export function formatJson(report: AuditReport, version = VERSION): string {
  return JSON.stringify(toJsonReport(report, version), null, 2);
}
