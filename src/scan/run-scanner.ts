// `audit --scan`: run trivy or grype on each image the containers use and hand back the report
// texts, read exactly like files given to --scan-report. A scan that fails becomes a note naming
// the image and the scanner's own first error line; the other images go on.
import type { HostFacts } from '../facts/host-facts.js';
import { mapLimit } from '../probes/probe.js';
import { terminalLine } from '../core/terminal-text.js';
import { UserError, describeError } from '../core/errors.js';
import type { ScanReport } from '../facts/scan-facts.js';
import { SCAN_REPORT_MAX_BYTES, readScanReports } from './read-reports.js';
import type { Scanner } from './scanner-choice.js';
import { scannerArgs, scannerEnv, scanSource } from './scanner-command.js';
import { scanTargets, type ScanTarget } from './scanner-targets.js';
import { runBounded } from './run-process.js';

/** What a front end shows while images are scanned (the CLI: one line rewritten on a terminal). */
export interface ScanProgress {
  update(done: number, total: number, scanner: string): void;
  end(): void;
}

export interface ScanRunOptions {
  scanner: Scanner;
  /** The engine the audit read; the scanner is pointed at the same one. */
  dockerHost: string;
  env?: NodeJS.ProcessEnv;
  /** Scans at once; each is a CPU- and disk-heavy process of its own. */
  concurrency?: number;
  /** Per image. The first scan may download the scanner's vulnerability database. */
  timeoutMs?: number;
  /** Per image, on standard output: the same bound a report file has. */
  maxBytes?: number;
  progress?: ScanProgress;
}

export interface ScanRunResult {
  /** Read and schema-checked, one text at a time, exactly as --scan-report reads a file. */
  reports: ScanReport[];
  /** One sentence per image that could not be scanned. */
  notes: string[];
  /** The images those sentences name, so the audit does not name them again as lacking a report. */
  unscanned: string[];
}

export const SCAN_CONCURRENCY = 3;
export const SCAN_TIMEOUT_MS = 10 * 60_000;

export async function runScanner(facts: HostFacts, opts: ScanRunOptions): Promise<ScanRunResult> {
  const targets = scanTargets(facts);
  if (targets.length === 0) return { reports: [], notes: [], unscanned: [] };
  let done = 0;
  opts.progress?.update(0, targets.length, opts.scanner.name);
  const scan = async (target: ScanTarget): Promise<ScanReport[] | string> => {
    const outcome = await scanOne(target, opts);
    opts.progress?.update(++done, targets.length, opts.scanner.name);
    return outcome;
  };
  try {
    // The first image runs alone: a scanner without a current vulnerability database downloads
    // it, and several processes unpacking it into the same cache at once can corrupt it.
    const first = await scan(targets[0]);
    const rest = await mapLimit(targets.slice(1), opts.concurrency ?? SCAN_CONCURRENCY, scan);
    const outcomes = [first, ...rest];
    return {
      reports: outcomes.flatMap((o) => (typeof o === 'string' ? [] : o)),
      notes: outcomes.filter((o): o is string => typeof o === 'string'),
      unscanned: targets.filter((_, i) => typeof outcomes[i] === 'string').map((t) => t.imageId),
    };
  } finally {
    opts.progress?.end();
  }
}

/** One image: its report, or the note that says why there is none. */
async function scanOne(target: ScanTarget, opts: ScanRunOptions): Promise<ScanReport[] | string> {
  const { scanner } = opts;
  const run = await runBounded(scanner.path, scannerArgs(scanner.name, target.ref), {
    env: scannerEnv(opts.env ?? process.env, opts.dockerHost),
    timeoutMs: opts.timeoutMs ?? SCAN_TIMEOUT_MS,
    maxBytes: opts.maxBytes ?? SCAN_REPORT_MAX_BYTES,
  });
  const failed = (why: string) => terminalLine(`${scanner.name} could not scan ${describeTarget(target)}: ${why.replace(/\.$/, '')}.`);
  if (run.stopped) return failed(run.stopped);
  let read: ScanReport[] | undefined;
  let unread: unknown;
  try {
    // One by one, so that one odd report costs a note, not the whole audit.
    read = readScanReports([{ source: scanSource(scanner.name, target.ref), text: run.stdout }]);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    unread = err;
  }
  // A report is kept whatever the exit code: a user's own config may make a finding exit 1 (grype
  // fail-on-severity); without one, the scanner's error line says more than the empty output.
  if (read) return read;
  if (run.code !== 0) return failed(firstErrorLine(run.stderr) ?? `it exited with code ${run.code} and gave no reason`);
  return failed(`its output is not a report docker-harden reads (${describeError(unread).replace(/\.$/, '')})`);
}

function describeTarget(target: ScanTarget): string {
  const id = `image ${target.imageId.replace(/^sha256:/, '').slice(0, 12)}`;
  const shown = target.containers.slice(0, 3).join(', ') + (target.containers.length > 3 ? ` and ${target.containers.length - 3} more` : '');
  const about = [...(target.ref === target.imageId ? [] : [id]), ...(shown ? [`used by ${shown}`] : [])].join(', ');
  return `${target.ref === target.imageId ? id : target.ref}${about ? ` (${about})` : ''}`;
}

/**
 * The line of standard error that says what went wrong: the first that reads like an error
 * (trivy logs "FATAL", grype "error"), else the first line at all; without its timestamp.
 */
export function firstErrorLine(stderr: string): string | undefined {
  const lines = stderr
    .replace(/\u001B\[[0-9;]*[A-Za-z]/g, '')
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*\d{4}-\d\d-\d\dT\S+\s+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((l) => l !== '');
  const line = lines.find((l) => /\b(fatal|error|failed)\b/i.test(l)) ?? lines[0];
  if (line === undefined) return undefined;
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
