// Everything the HTML report shows, as plain data: a pure function of the audit, the facts it ran
// on, the profile and the clock. The templates only lay this out, so what the report says is tested
// here without a browser.
import type { AuditReport, FindingStatus, Waiver } from '../findings.js';
import { SEVERITIES } from '../findings.js';
import type { HostFacts } from '../../facts/host-facts.js';
import { BENCHMARK_NAME } from '../format-json.js';
import { summaryLine } from '../summary.js';
import { terminalLine, terminalText } from '../../core/terminal-text.js';
import { findingView, reviewOrder, type FindingView } from './finding-view.js';
import { BAR_ORDER, STATUS_LABELS, scoreOf, sectionScores, type Score, type SectionScore } from './section-scores.js';
import { waiverRows, type WaiverRow } from './waiver-rows.js';

export interface HtmlReportContext {
  /** The facts the audit ran on: the engine's version and the host's system come from here. */
  facts?: Pick<HostFacts, 'engine' | 'root'>;
  /** The profile the audit ran with; absent for the whole catalog. */
  profileName?: string;
  /** The profile's waivers, shown with what each covers here. */
  waivers?: readonly Waiver[];
  /** When the report was made. */
  now: Date;
  toolVersion: string;
}

export interface ReportModel {
  title: string;
  host: string;
  benchmark: string;
  /** Label/value pairs for the header. */
  meta: { label: string; value: string }[];
  overall: Score;
  summaryLine: string;
  failingBySeverity: { severity: string; count: number }[];
  sections: (SectionScore & { findings: FindingView[] })[];
  waivers: WaiverRow[];
  notes: string[];
  filters: { statuses: { value: FindingStatus; label: string; count: number }[]; severities: string[] };
  findingCount: number;
}

export function buildReportModel(report: AuditReport, ctx: HtmlReportContext): ReportModel {
  const host = terminalLine(report.facts.hostname) || 'unnamed host';
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const views = report.findings.map((f, i) => findingView(f, i, rules.get(f.id)));
  const sections = sectionScores(report.summary).map((score) => ({
    ...score,
    findings: views.filter((v) => v.section === score.section).sort(reviewOrder),
  }));
  return {
    title: `CIS Docker audit of ${host}`,
    host,
    benchmark: BENCHMARK_NAME,
    meta: metaRows(report, ctx),
    overall: scoreOf(report.summary.byStatus),
    summaryLine: summaryLine(report.summary),
    failingBySeverity: SEVERITIES.map((severity) => ({ severity, count: report.summary.failingBySeverity[severity] })),
    sections,
    waivers: waiverRows(ctx.waivers ?? [], report.findings, report.rules, ctx.now),
    notes: report.notes.map(terminalText),
    filters: {
      statuses: BAR_ORDER.filter((s) => report.summary.byStatus[s] > 0).map((value) => ({
        value,
        label: STATUS_LABELS[value],
        count: report.summary.byStatus[value],
      })),
      severities: [...SEVERITIES],
    },
    findingCount: report.findings.length,
  };
}

function metaRows(report: AuditReport, ctx: HtmlReportContext): { label: string; value: string }[] {
  const engine = ctx.facts?.engine;
  const version = engine?.version ?? {};
  const info = engine?.info ?? {};
  const rows: [string, string | undefined][] = [
    ['Host', report.facts.hostname || 'unnamed host'],
    ['Engine', engine ? engineText(version) : 'no engine answered'],
    ['Endpoint', report.engine?.endpoint ?? engine?.host],
    ['System', [info.OperatingSystem, version.KernelVersion ?? info.KernelVersion].filter(isText).join(', ') || undefined],
    ['Profile', ctx.profileName ?? 'none (the whole catalog)'],
    ['Facts collected', `${report.facts.collectedAt} (${report.facts.source === 'file' ? 'replayed from a file' : 'read from the host'})`],
    ['Root', ctx.facts && ctx.facts.root !== '/' ? ctx.facts.root : undefined],
    ['Report made', `${ctx.now.toISOString()} by docker-harden ${ctx.toolVersion}`],
  ];
  return rows.filter((r): r is [string, string] => isText(r[1])).map(([label, value]) => ({ label, value: terminalLine(value) }));
}

function engineText(version: Record<string, unknown>): string {
  const parts = [isText(version.Version) ? `Docker ${version.Version}` : 'Docker (version unknown)'];
  if (isText(version.ApiVersion)) parts.push(`API ${version.ApiVersion}`);
  return parts.join(', ');
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}
