// One entry point for every report format, so the command and profiles render reports the same way.
import { UserError } from '../core/errors.js';
import type { AuditReport } from './findings.js';
import { formatTable, type TableOptions } from './format-table.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatJunit } from './format-junit.js';
import { formatHtml, type HtmlFormatContext } from './html/format-html.js';

export const REPORT_FORMATS = ['table', 'json', 'sarif', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Colour, width (absent when not writing to a terminal), --only and --verbose: only the table reads them. */
export type FormatOptions = TableOptions;

/** `html` is what only the HTML report shows: the facts, the profile and the clock. */
export function formatReport(report: AuditReport, format: ReportFormat, opts: FormatOptions, html: HtmlFormatContext = {}): string {
  switch (format) {
    case 'table':
      return formatTable(report, opts);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'junit':
      return formatJunit(report);
    case 'html':
      return formatHtml(report, html);
  }
}

export function parseReportFormat(value: string): ReportFormat {
  const format = REPORT_FORMATS.find((f) => f === value.trim().toLowerCase());
  if (!format) {
    throw new UserError(`Unknown report format "${value}".`, `Use --format with one of: ${REPORT_FORMATS.join(', ')}.`);
  }
  return format;
}
