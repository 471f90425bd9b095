// Scanner report texts into ScanReports. Reports are hostile input like any other file: bounded in
// size and nesting before parsing, detected by their top-level fields, checked against the
// format's schema, and refused with one sentence naming the report and what is wrong.
import type { ScanReport } from '../facts/scan-facts.js';
import { UserError } from '../core/errors.js';
import { formatBytes } from '../core/read-input.js';
import { findJsonError, findNestingError } from '../facts/json-error.js';
import { scanSchemaError, type ScanFormat } from './report-schemas.js';
import { fromTrivy, trivyNotAnImage } from './parse-trivy.js';
import { fromGrype } from './parse-grype.js';
import { fromSarif } from './parse-sarif.js';

/** A report's text and what to call it in messages: its file, or the command that printed it. */
export interface ScanReportText {
  source: string;
  text: string;
}

/** Far above a real report of a large image (tens of MiB with every package listed). */
export const SCAN_REPORT_MAX_BYTES = 64 * 1024 * 1024;

const HINT = "Give a report of `trivy image -f json`, `grype -o json` or either one's SARIF output (`-f sarif`, `-o sarif`).";

export function readScanReports(items: readonly ScanReportText[]): ScanReport[] {
  return items.flatMap((item) => readOne(item));
}

function readOne({ source, text }: ScanReportText): ScanReport[] {
  const refuse = (what: string): never => {
    throw new UserError(`The scan report ${source} ${what}.`, HINT);
  };
  if (Buffer.byteLength(text, 'utf8') > SCAN_REPORT_MAX_BYTES) refuse(`is larger than ${formatBytes(SCAN_REPORT_MAX_BYTES)}`);
  const deep = findNestingError(text);
  if (deep) refuse(`is not valid: line ${deep.line}, column ${deep.column}: ${deep.message}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text; say where it breaks instead.
    const at = findJsonError(text);
    refuse(`is not valid JSON (${at ? `line ${at.line}, column ${at.column}: ${at.message}` : 'syntax error'})`);
  }
  const format = detect(data);
  if (!format) return refuse('is not a Trivy, Grype or SARIF report (none of SchemaVersion, matches or runs is at its top level)');
  const problem = scanSchemaError(format, data);
  if (problem) refuse(`is not a valid ${FORMAT_NAMES[format]} report: ${problem}`);
  const reports = parse(format, data, source);
  if (typeof reports === 'string') return refuse(reports);
  for (const r of reports) {
    const { ids, digests, tags } = r.image;
    if (ids.length + digests.length + tags.length === 0) refuse('does not name the image it scanned (no image id, digest or tag)');
  }
  return reports;
}

const FORMAT_NAMES: Record<ScanFormat, string> = { 'trivy-json': 'Trivy JSON', 'grype-json': 'Grype JSON', sarif: 'SARIF 2.1.0' };

function detect(data: unknown): ScanFormat | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if ('SchemaVersion' in data) return 'trivy-json';
  if ('matches' in data) return 'grype-json';
  if ('runs' in data) return 'sarif';
  return null;
}

function parse(format: ScanFormat, data: unknown, source: string): ScanReport[] | string {
  if (format === 'sarif') return fromSarif(data, source);
  if (format === 'grype-json') return [fromGrype(data, source)];
  return trivyNotAnImage(data) ?? [fromTrivy(data, source)];
}
