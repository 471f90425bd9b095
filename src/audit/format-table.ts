// The human report: findings grouped by section, one line per finding, with the reason and the
// evidence under each failure. Every line fits the terminal width; colour only when asked for.
import type { Section } from '../rules/rule.js';
import { SECTION_TITLES } from '../rules/cis-v1.8.0-ids.js';
import { subjectLabel, type AuditReport, type Finding, type FindingStatus } from './findings.js';
import { summaryLine } from './summary.js';
import { paint, sanitize, truncate, type Style } from './ansi.js';

export interface TableOptions {
  color: boolean;
  /** Terminal columns; long lines are cut to fit. */
  width?: number;
}

export const DEFAULT_WIDTH = 100;
const MAX_EVIDENCE_LINES = 3;

const LABELS: Record<FindingStatus, { text: string; style: Style }> = {
  pass: { text: 'PASS', style: 'green' },
  fail: { text: 'FAIL', style: 'red' },
  warn: { text: 'WARN', style: 'yellow' },
  manual: { text: 'MANUAL', style: 'dim' },
  'not-applicable': { text: 'N/A', style: 'dim' },
  waived: { text: 'WAIVED', style: 'cyan' },
};

const STATUS_COLUMN = 6;
const ID_COLUMN = 7;
const DETAIL_INDENT = ' '.repeat(2 + STATUS_COLUMN + 2 + ID_COLUMN + 1);

export function formatTable(report: AuditReport, opts: TableOptions): string {
  const width = Math.max(opts.width ?? DEFAULT_WIDTH, 40);
  const fit = (text: string) => truncate(sanitize(text), width);
  const lines: string[] = [
    fit(`CIS Docker Benchmark v1.8.0 audit of ${report.facts.hostname} (facts from ${report.facts.source}, ${report.facts.collectedAt})`),
  ];
  if (report.findings.length === 0) lines.push('', 'No rules were audited.');

  for (const [section, findings] of groupBySection(report.findings)) {
    lines.push('', paint(fit(`${section} ${SECTION_TITLES[section]}`), 'bold', opts.color));
    for (const finding of findings) lines.push(...findingLines(finding, fit, opts.color));
  }

  if (report.notes.length > 0) lines.push('', ...report.notes.map((note) => paint(fit(`note: ${note}`), 'yellow', opts.color)));
  lines.push('', ...wrapAtCommas(summaryLine(report.summary), width));
  return lines.join('\n');
}

function findingLines(f: Finding, fit: (text: string) => string, color: boolean): string[] {
  const label = LABELS[f.status];
  const subject = subjectLabel(f);
  const head = fit(`  ${label.text.padEnd(STATUS_COLUMN)}  ${f.id.padEnd(ID_COLUMN)} ${subject ? `[${subject}] ` : ''}${f.title}`);
  // Styles go on after cutting to width, so escape codes never count as columns. Manual and n/a
  // lines are dimmed whole; otherwise only the status word is coloured.
  const statusEnd = 2 + label.text.length;
  const first =
    label.style === 'dim' ? paint(head, 'dim', color) : head.slice(0, 2) + paint(head.slice(2, statusEnd), label.style, color) + head.slice(statusEnd);

  const details: string[] = [];
  if (f.status === 'fail' || f.status === 'warn' || f.status === 'waived') {
    if (f.message) details.push(f.message);
    for (const ev of f.evidence.slice(0, MAX_EVIDENCE_LINES)) details.push(`evidence: ${ev.detail}`);
    if (f.evidence.length > MAX_EVIDENCE_LINES) details.push(`(${f.evidence.length - MAX_EVIDENCE_LINES} more evidence items in --format json)`);
  }
  if (f.waiver) {
    const until = f.waiver.expires ? ` (${f.waiver.expired ? 'expired' : 'until'} ${f.waiver.expires})` : '';
    details.push(`${f.waiver.expired ? 'waiver no longer applies' : 'waived'}: ${f.waiver.reason}${until}`);
  }
  return [first, ...details.map((d) => fit(DETAIL_INDENT + sanitize(d)))];
}

/** The summary is never cut: it wraps between its parts instead. */
function wrapAtCommas(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const part of text.split(', ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 2 + part.length <= width) lines[last] += `, ${part}`;
    else {
      if (last >= 0) lines[last] += ',';
      lines.push(part);
    }
  }
  return lines;
}

function groupBySection(findings: readonly Finding[]): Map<Section, Finding[]> {
  const groups = new Map<Section, Finding[]>();
  for (const f of [...findings].sort((a, b) => a.section - b.section)) {
    const list = groups.get(f.section) ?? [];
    list.push(f);
    groups.set(f.section, list);
  }
  return groups;
}
