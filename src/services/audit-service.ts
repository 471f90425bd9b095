// `audit`: load facts, run the catalog over them, render the report, and decide the exit code
// from the failure threshold. Takes plain options; never sees argv.
import type { GlobalOptions } from '../services/options.js';
import type { Output } from '../services/output.js';
import type { Rule, Severity } from '../rules/rule.js';
import type { FindingStatus } from '../audit/findings.js';
import { ExitCodeError, UserError } from '../core/errors.js';
import { checkOutputPath, writeOutputFiles } from './output-file.js';
import { allRules } from '../rules/catalog.js';
import { runAudit } from '../audit/run-audit.js';
import { failingAtOrAbove, type AuditReport, type Waiver } from '../audit/findings.js';
import { unmatchedSelectors, type RuleSelection } from '../audit/selection.js';
import { formatReport, type ReportFormat } from '../audit/format.js';
import type { HtmlFormatContext } from '../audit/html/format-html.js';
import { loadFacts } from './facts-source.js';
import { engineStatus } from './engine-status.js';
import { readAuditScans, withAuditScans, type AuditScanOptions } from './audit-scans.js';
import type { ScanRequest } from '../scan/run-audit-scan.js';

export interface AuditServiceOptions extends GlobalOptions, AuditScanOptions {
  format: ReportFormat;
  /** `none`: findings never make the exit code 1. */
  failOn: Severity | 'none';
  /** Write the report here instead of standard output. */
  output?: string;
  /** Terminal columns for the table; absent when standard output is not a terminal (nothing is cut). */
  width?: number;
  /** The table shows only rows with these statuses (the summary still counts every finding). */
  only?: readonly FindingStatus[];
  /** The table shows each target's reason and evidence under a row that covers several. */
  verbose?: boolean;
  selection?: RuleSelection;
  /** Scan the images containers use for setuid/setgid files (4.8). */
  deep?: boolean;
  /** --scan: run trivy or grype on each image in use and judge 4.4 from what it finds. */
  scan?: ScanRequest;
  waivers?: readonly Waiver[];
  /** The profile's name, for the HTML report's header. */
  profileName?: string;
  /** The rules to run; the whole catalog unless a caller narrows it. */
  rules?: readonly Rule[];
  now?: Date;
}

export async function auditService(opts: AuditServiceOptions, output: Output): Promise<AuditReport> {
  const rules = opts.rules ?? allRules;
  const unknown = opts.selection ? unmatchedSelectors(rules, opts.selection) : [];
  if (unknown.length > 0) {
    throw new UserError(
      `No rule has the id or prefix ${unknown.map((s) => `"${s}"`).join(', ')}.`,
      'Ids are CIS Docker Benchmark v1.8.0 ids, e.g. 2.5, 1.1 or 5.',
    );
  }
  if (opts.format !== 'table' && (opts.only || opts.verbose)) {
    throw new UserError(
      `${opts.only ? '--only' : '--verbose'} shapes the table, and --format ${opts.format} reports every finding in full.`,
      'Leave it out, or use it with --format table.',
    );
  }
  if (opts.output) checkOutputPath(opts.output, '--output');
  // Loaded only for --scan, like the report readers: other audits start without them.
  const runner = opts.scan ? await import('../scan/run-audit-scan.js') : undefined;
  const scanner = runner && opts.scan ? runner.prepareScan(opts.scan, opts) : undefined;
  const scans = await readAuditScans(opts);
  const loaded = await loadFacts(opts);
  const ran = runner && scanner && opts.scan ? await runner.scanForAudit(loaded, scanner, opts.scan, opts.dockerHost) : undefined;
  const { facts, notes: scanNotes } = await withAuditScans(loaded, ran ? [...(scans ?? []), ...ran.reports] : scans, { ...opts, unscanned: ran?.unscanned });
  const audited = runAudit(facts, rules, { selection: opts.selection, waivers: opts.waivers, now: opts.now });
  const report = { ...audited, notes: [...audited.notes, ...(ran?.notes ?? []), ...scanNotes], engine: engineStatus(facts, opts) };
  const html = { facts, now: opts.now, profileName: opts.profileName, waivers: opts.waivers };

  if (opts.output) {
    // A file is read later, elsewhere: no escape codes, no fitting to this terminal's width.
    const text = await formatReport(report, opts.format, { color: false, only: opts.only, verbose: opts.verbose }, html);
    await writeOutputFiles([{ file: opts.output, content: text.endsWith('\n') ? text : `${text}\n`, mode: 0o644 }], '--output');
    output.err(`Wrote the ${opts.format} report to ${opts.output}.`);
  } else {
    output.out(await formatReport(report, opts.format, { color: opts.color, width: opts.width, only: opts.only, verbose: opts.verbose }, html));
  }

  const failing = opts.failOn === 'none' ? [] : failingAtOrAbove(report.findings, opts.failOn);
  if (failing.length > 0) {
    throw new ExitCodeError(1, `${failing.length} failing ${failing.length === 1 ? 'finding' : 'findings'} at or above severity ${opts.failOn}.`);
  }
  return report;
}

/** Write the HTML report of an audit to `file`; the sentence that says so. The wizard saves through this too. */
export async function saveHtmlReport(report: AuditReport, file: string, context: HtmlFormatContext, what: string): Promise<string> {
  const text = await formatReport(report, 'html', { color: false }, context);
  await writeOutputFiles([{ file, content: text.endsWith('\n') ? text : `${text}\n`, mode: 0o644 }], what);
  return `Wrote ${file}: the audit of this host as one HTML page; it opens in any browser, with no network.`;
}
