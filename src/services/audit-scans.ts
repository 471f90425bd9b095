// The scan reports an audit was given (`--scan-report FILE`, or report texts a scanner printed
// under `--scan`), read and matched into the facts with the profile's thresholds, and the notes
// that say which reports matched no image in use and which images in use have no report.
import type { HostFacts } from '../facts/host-facts.js';
import type { ScanReport } from '../facts/scan-facts.js';
import { DEFAULT_PARAMS, type HardeningParams } from '../rules/params.js';
import type { ScanReportText } from '../scan/index.js';

export interface AuditScanOptions {
  /** --scan-report files. */
  scanReportFiles?: readonly string[];
  /** Report texts from elsewhere (a scanner's standard output), read like the files. */
  scanReports?: readonly ScanReportText[];
  /** Reports already read (`--scan` reads each scanner's output as it finishes). */
  scannedReports?: readonly ScanReport[];
  /** The profile's scan thresholds; the defaults without a profile. */
  scanParams?: Pick<HardeningParams, 'scanSeverity' | 'scanMaxAgeDays'>;
  now?: Date;
  /** Images a scanner could not scan: already named in a note with the scanner's error. */
  unscanned?: readonly string[];
}

/** Reads every report before the facts are judged, so a bad one stops the audit before anything is written. */
export async function readAuditScans(opts: AuditScanOptions): Promise<ScanReport[] | null> {
  const files = opts.scanReportFiles ?? [];
  if (files.length === 0 && !opts.scanReports && !opts.scannedReports) return null;
  // Loaded only when there are reports: the schema validators cost start-up time for every other audit.
  const { readScanReportTexts, readScanReports } = await import('../scan/index.js');
  return [...readScanReports([...(await readScanReportTexts(files)), ...(opts.scanReports ?? [])]), ...(opts.scannedReports ?? [])];
}

export async function withAuditScans(
  facts: HostFacts,
  reports: readonly ScanReport[] | null,
  opts: AuditScanOptions,
): Promise<{ facts: HostFacts; notes: string[] }> {
  // Scan data comes only from reports read here, never from a facts file (--from) that carries its own.
  if (!reports) {
    const { scans: _ignored, ...rest } = facts;
    return { facts: rest, notes: [] };
  }
  const params = opts.scanParams ?? DEFAULT_PARAMS;
  const { attachScans, scanNotes } = await import('../scan/index.js');
  const scanned = attachScans(facts, reports, {
    threshold: params.scanSeverity,
    maxAgeDays: params.scanMaxAgeDays,
    now: opts.now ?? new Date(),
  });
  return { facts: scanned, notes: scanNotes(scanned, opts.unscanned) };
}
