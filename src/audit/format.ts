// One entry point for every report format, so the command and profiles render reports the same way.
import { UserError } from '../core/errors.js';
import type { AuditReport } from './findings.js';
import { formatTable } from './format-table.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatJunit } from './format-junit.js';

export const REPORT_FORMATS = ['table', 'json', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatOptions {
  color: boolean;
  width?: number;
}

export function formatReport(report: AuditReport, format: ReportFormat, opts: FormatOptions): string {
  switch (format) {
    case 'table':
      return formatTable(report, opts);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'junit':
      return formatJunit(report);
  }
}

export function parseReportFormat(value: string): ReportFormat {
  const format = REPORT_FORMATS.find((f) => f === value.trim().toLowerCase());
  if (!format) {
    throw new UserError(`Unknown report format "${value}".`, `Use --format with one of: ${REPORT_FORMATS.join(', ')}.`);
  }
  return format;
}
