// One entry point for every report format, so the command and profiles render reports the same way.
import { UserError } from '../core/errors.js';
import type { AuditReport } from './findings.js';
import type { TableOptions } from './format-table.js';
import type { HtmlFormatContext } from './html/format-html.js';

export const REPORT_FORMATS = ['table', 'json', 'sarif', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Colour, width (absent when not writing to a terminal), --only and --verbose: only the table reads them. */
export type FormatOptions = TableOptions;

/**
 * `html` is what only the HTML report shows: the facts, the profile and the clock. Each format's
 * code is loaded when it is asked for: the table's terminal-width tables and the HTML report's
 * Handlebars would otherwise be loaded on every JSON report.
 */
export async function formatReport(report: AuditReport, format: ReportFormat, opts: FormatOptions, html: HtmlFormatContext = {}): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('./format-table.js')).formatTable(report, opts);
    case 'json':
      return (await import('./format-json.js')).formatJson(report);
    case 'sarif':
      return (await import('./format-sarif.js')).formatSarif(report);
    case 'junit':
      return (await import('./format-junit.js')).formatJunit(report);
    case 'html':
      return (await import('./html/format-html.js')).formatHtml(report, html);
  }
}

export function parseReportFormat(value: string): ReportFormat {
  const format = REPORT_FORMATS.find((f) => f === value.trim().toLowerCase());
  if (!format) {
    throw new UserError(`Unknown report format "${value}".`, `Use --format with one of: ${REPORT_FORMATS.join(', ')}.`);
  }
  return format;
}
