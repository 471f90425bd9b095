// The human report: one row per rule and status with its severity, failures first, naming the
// targets each row covers; the reason and the evidence under rows that need action. Fitted to the
// terminal when there is one (table-layout.ts), written whole otherwise; colour only when asked for.
import type { AuditReport, Finding, FindingStatus } from './findings.js';
import { subjectLabel } from './findings.js';
import { shownLine, summaryLine } from './summary.js';
import { paint, type Style } from './ansi.js';
import { tableRows, type TableRow } from './table-rows.js';
import { elideMiddle, padCells, safeLine, wrapAt, wrapAtCommas, wrapList } from './table-layout.js';

export interface TableOptions {
  color: boolean;
  /** Terminal columns: text is wrapped or elided to fit. Absent when the output is not a terminal. */
  width?: number;
  /** Show only rows with these statuses; the summary still counts every finding. */
  only?: readonly FindingStatus[];
  /** Under a row that covers several targets, each target's reason and all of its evidence. */
  verbose?: boolean;
}

/** Below this a terminal is treated as this wide; the lines then wrap in the terminal itself. */
const MIN_WIDTH = 40;
const MAX_EVIDENCE_LINES = 3;

const LABELS: Record<FindingStatus, { text: string; style: Style }> = {
  fail: { text: 'FAIL', style: 'red' },
  warn: { text: 'WARN', style: 'yellow' },
  waived: { text: 'WAIVED', style: 'cyan' },
  manual: { text: 'MANUAL', style: 'dim' },
  'not-applicable': { text: 'N/A', style: 'dim' },
  pass: { text: 'PASS', style: 'green' },
};

const COLUMNS = { status: 6, severity: 8, id: 7 };
/** Where the title starts. */
const TEXT = COLUMNS.status + 2 + COLUMNS.severity + 2 + COLUMNS.id + 1;
/** Where the targets, reasons and evidence start: under the id, leaving them most of an 80-column line. */
const DETAIL = COLUMNS.status + 2 + COLUMNS.severity + 2;
/** Rows whose reason and evidence are shown: the ones that ask for something to be done. */
const DETAILED: ReadonlySet<FindingStatus> = new Set(['fail', 'warn', 'waived']);

export function formatTable(report: AuditReport, opts: TableOptions): string {
  const width = opts.width === undefined ? undefined : Math.max(opts.width, MIN_WIDTH);
  const rows = tableRows(report.findings, opts.only);
  const { hostname, source, collectedAt } = report.facts;
  const lines = wrapAt(`CIS Docker Benchmark v1.8.0 audit of ${safeLine(hostname)} (facts from ${source}, ${collectedAt})`, width, 0, 2);

  if (report.findings.length === 0) lines.push('', 'No rules were audited.');
  else if (rows.length === 0) lines.push('', `No ${opts.only?.join(' or ')} rows.`);
  else lines.push('', columnHeads(opts.color));
  let hidden = false;
  rows.forEach((row, i) => {
    if (i > 0 && rows[i - 1]!.status !== row.status) lines.push('');
    const showEach = !!opts.verbose || row.findings.length === 1 || row.targets.length === 0;
    hidden ||= !showEach && DETAILED.has(row.status);
    lines.push(rowHead(row, width, opts.color), ...rowDetails(row, width, showEach, !!opts.verbose));
  });

  const notes = report.notes.map((n) => paint(`note: ${safeLine(n)}`, 'yellow', opts.color));
  if (hidden) notes.push('Rows naming several targets: --verbose shows the reason and evidence for each.');
  if (opts.only) notes.push(shownLine(opts.only, rows.length, tableRows(report.findings).length));
  if (notes.length > 0) lines.push('', ...notes.flatMap((n) => wrapAt(n, width, 0, 2)));
  lines.push('', ...wrapAtCommas(summaryLine(report.summary), width));
  return lines.join('\n');
}

function columnHeads(color: boolean): string {
  const { status, severity, id } = COLUMNS;
  return paint(`${'STATUS'.padEnd(status)}  ${'SEVERITY'.padEnd(severity)}  ${'ID'.padEnd(id)} RULE`, 'bold', color);
}

function rowHead(row: TableRow, width: number | undefined, color: boolean): string {
  const label = LABELS[row.status];
  const title = safeLine(row.title);
  const rest = `  ${row.severity.padEnd(COLUMNS.severity)}  ${padCells(row.id, COLUMNS.id)} ${width === undefined ? title : elideMiddle(title, width - TEXT)}`;
  // Styles go on after fitting, so escape codes never count as columns. Manual and n/a rows are
  // dimmed whole; otherwise only the status word is coloured.
  if (label.style === 'dim') return paint(label.text.padEnd(COLUMNS.status) + rest, 'dim', color);
  return paint(label.text, label.style, color) + ' '.repeat(COLUMNS.status - label.text.length) + rest;
}

function rowDetails(row: TableRow, width: number | undefined, showEach: boolean, verbose: boolean): string[] {
  const lines = row.targets.length > 0 ? wrapList(row.targetKind, row.targets.map(safeLine), width, DETAIL) : [];
  if (DETAILED.has(row.status) && showEach) {
    for (const f of row.findings) lines.push(...findingDetails(f, row.findings.length > 1, width, verbose));
  }
  // A waiver is per rule: the same for every finding of the row.
  const waivers = new Set(row.findings.map(waiverText).filter((w) => w !== ''));
  for (const w of waivers) lines.push(...wrapAt(w, width, DETAIL, 2));
  return lines;
}

function findingDetails(f: Finding, named: boolean, width: number | undefined, verbose: boolean): string[] {
  const target = named ? subjectLabel(f) : '';
  const indent = DETAIL + (target ? 2 : 0);
  const lines: string[] = [];
  const message = safeLine(f.message);
  if (target || message) lines.push(...wrapAt(target ? `${safeLine(target)}: ${message}` : message, width, DETAIL, 2));
  const shown = verbose ? f.evidence : f.evidence.slice(0, MAX_EVIDENCE_LINES);
  for (const ev of shown) lines.push(...wrapAt(`evidence: ${safeLine(ev.detail)}`, width, indent, 2));
  const more = f.evidence.length - shown.length;
  if (more > 0) lines.push(...wrapAt(`(${more} more evidence ${more === 1 ? 'item' : 'items'}: --verbose or --format json)`, width, indent, 2));
  return lines;
}

function waiverText(f: Finding): string {
  if (!f.waiver) return '';
  const until = f.waiver.expires ? ` (${f.waiver.expired ? 'expired' : 'until'} ${safeLine(f.waiver.expires)})` : '';
  return `${f.waiver.expired ? 'waiver no longer applies' : 'waived'}: ${safeLine(f.waiver.reason)}${until}`;
}
