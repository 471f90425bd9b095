// `audit --scan` in two steps around loading the facts: first decide whether a scan can run at all
// (before anything is read, so a missing scanner stops the run with one sentence and nothing
// written), then scan the images the loaded facts show in use.
import { UserError } from '../core/errors.js';
import type { HostFacts } from '../facts/host-facts.js';
import { chooseScanner, type Scanner, type ScannerName } from './scanner-choice.js';
import { runScanner, type ScanProgress, type ScanRunResult } from './run-scanner.js';

export interface ScanRequest {
  /** --scanner; without it trivy, else grype. */
  scanner?: ScannerName;
  progress?: ScanProgress;
  /** Scans at once and time per image; the runner's defaults otherwise. */
  concurrency?: number;
  timeoutMs?: number;
}

/** Where the audit's facts come from: a scan is possible only against a live local engine. */
export interface ScanSource {
  from?: string;
  ssh?: string;
  noEngine?: boolean;
}

const REPORT_HINT = 'Run the scanner where the images are and pass its JSON with --scan-report.';

/** The scanner to run; one sentence when the audit has no engine to scan, or no scanner is installed. */
export function prepareScan(request: ScanRequest, source: ScanSource, env: NodeJS.ProcessEnv = process.env): Scanner {
  if (source.from) throw new UserError(`--scan scans the images on a live engine, so it cannot be combined with --from (${source.from}).`, REPORT_HINT);
  // trivy and grype reach an engine through a socket or tcp:// address on this machine; neither
  // dials one through `ssh` the way docker-harden does, so the images would not be the host's.
  if (source.ssh) throw new UserError(`--scan runs the scanner on this machine, so it cannot scan the images of ${source.ssh}.`, REPORT_HINT);
  if (source.noEngine) throw new UserError('--scan scans the images containers use, and --no-engine leaves the engine out.', 'Leave one of them out.');
  return chooseScanner(request.scanner, env);
}

/** Scan every image in use on the engine the audit read. */
export function scanForAudit(
  facts: HostFacts,
  scanner: Scanner,
  request: ScanRequest,
  dockerHost: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ScanRunResult> {
  return runScanner(facts, { scanner, dockerHost, env, progress: request.progress, concurrency: request.concurrency, timeoutMs: request.timeoutMs });
}
