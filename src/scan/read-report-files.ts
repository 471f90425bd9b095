// `--scan-report FILE`: each file read through the one bounded input reader, then parsed like any
// report text. A file that cannot be read is one sentence, as for every other input.
import type { ScanReport } from '../facts/scan-facts.js';
import { UserError } from '../core/errors.js';
import { describeReadError, readInputText } from '../core/read-input.js';
import { SCAN_REPORT_MAX_BYTES, readScanReports, type ScanReportText } from './read-reports.js';

export async function readScanReportTexts(files: readonly string[]): Promise<ScanReportText[]> {
  const texts: ScanReportText[] = [];
  for (const file of files) {
    try {
      texts.push({ source: file, text: await readInputText(file, SCAN_REPORT_MAX_BYTES) });
    } catch (err) {
      throw new UserError(
        `The scan report ${file} ${describeReadError(err)}.`,
        'Pass the file a scanner wrote, e.g. `trivy image -f json -o report.json IMAGE`.',
      );
    }
  }
  return texts;
}

export async function readScanReportFiles(files: readonly string[]): Promise<ScanReport[]> {
  return readScanReports(await readScanReportTexts(files));
}
