// Scanner reports into facts: read (Trivy JSON, Grype JSON, SARIF), match to the images in use,
// and the notes that say what matched nothing. `audit --scan-report` and `audit --scan` both end here.
export { readScanReports, SCAN_REPORT_MAX_BYTES, type ScanReportText } from './read-reports.js';
export { readScanReportFiles, readScanReportTexts } from './read-report-files.js';
export { attachScans, scanNotes, type ScanSettings } from './attach-scans.js';
