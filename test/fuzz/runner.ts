// The fuzz runner shared by the vitest suite and `npm run fuzz`: lays out each case in its own
// directory under a scratch tree, runs bin/docker-harden.js in a sandbox where only that tree is
// writable, and sorts the outcome into the failure classes the project promises never to show.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expand, WRITABLE, type FuzzCase, type OutputCheck } from './case.js';
import { isTextView } from './commands.js';
import { Sandbox } from './sandbox.js';
import { changes, snapshot } from './snapshot.js';

export type FailureClass =
  | 'exit-70'
  | 'other-exit'
  | 'stack-trace'
  | 'timeout'
  | 'write-outside-root'
  | 'signal'
  | 'unclear-error'
  | 'raw-control'
  | 'bad-output';
export const FAILURE_CLASSES: readonly FailureClass[] = [
  'exit-70',
  'other-exit',
  'stack-trace',
  'timeout',
  'write-outside-root',
  'signal',
  'unclear-error',
  'raw-control',
  'bad-output',
];

export interface CaseOutcome {
  failures: FailureClass[];
  code: number | null;
  signal: string | null;
  ms: number;
  stdout: string;
  stderr: string;
  /** Paths changed outside the root and the outputs (relative to the case or the decoy). */
  outside: string[];
}

export const TIMEOUT_MS = 10_000;
const BIN = path.resolve(import.meta.dirname, '../../bin/docker-harden.js');
// A stack frame line as V8 prints it: "    at fn (file:line:col)" or "    at file:line:col".
const STACK_FRAME = /^\s+at (?:.+ \()?(?:file:\/\/|node:|\/).*:\d+:\d+\)?$/m;
const READ_ONLY = /EROFS|read-only file system/i;
// What a terminal acts on: C0/C1 controls other than tab and line breaks, and bidirectional overrides.
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Exit 2 speaks in the tool's voice: "docker-harden: <sentence>", then at most a hint line. */
const CLEAR_ERROR = /^docker-harden: [^\n]+\n(?:[^\n]+\n)?$/;

export class FuzzRunner {
  readonly base: string;
  readonly decoy: string;
  private readonly work: string;
  private readonly sandboxes: Sandbox[];
  private slots = 0;
  private cases = 0;

  /** inProcess: run main() inside a long-lived sandboxed process instead of starting bin/docker-harden.js each time. */
  constructor(
    workers = 2,
    private readonly inProcess = false,
  ) {
    this.base = realpathSync(mkdtempSync(path.join(tmpdir(), 'dh-fuzz-')));
    this.decoy = path.join(this.base, 'decoy');
    this.work = path.join(this.base, 'work');
    mkdirSync(this.work);
    makeDecoy(this.decoy);
    this.sandboxes = Array.from({ length: workers }, () => new Sandbox(this.work));
  }

  /** Runs the case on the next free sandbox slot (call at most `workers` at a time). */
  async run(c: FuzzCase, slot = this.slots++ % this.sandboxes.length): Promise<CaseOutcome> {
    const caseDir = path.join(this.work, `case-${this.cases++}`);
    mkdirSync(caseDir);
    for (const d of WRITABLE) mkdirSync(path.join(caseDir, d));
    const dirs = { caseDir, decoy: this.decoy };
    layOut(caseDir, c, dirs);
    const decoyBefore = snapshot(this.decoy);
    const skip = [...WRITABLE];
    const caseBefore = snapshot(caseDir, skip);
    const argv = c.argv.map((a) => expand(a, dirs));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: path.join(caseDir, 'tmp'),
      TMPDIR: path.join(caseDir, 'tmp'),
      NO_COLOR: '1',
      DOCKER_HOST: `unix://${caseDir}/tmp/no-engine.sock`,
    };
    for (const [k, v] of Object.entries(c.env ?? {})) {
      if (v === null) delete env[k];
      else env[k] = expand(v, dirs);
    }
    // No process can be given a NUL in its arguments or environment: such a case only runs in-process.
    if (!this.inProcess && [...argv, ...Object.values(env)].some((a) => a.includes('\0'))) {
      rmSync(caseDir, { recursive: true, force: true, maxRetries: 2 });
      return { failures: [], code: null, signal: null, ms: 0, stdout: '', stderr: 'not run: a NUL cannot reach a process', outside: [] };
    }
    const r = this.inProcess
      ? await this.sandboxes[slot]!.run(argv, { cwd: caseDir, env, timeoutMs: TIMEOUT_MS, inProcess: true, bin: BIN })
      : await this.sandboxes[slot]!.run([process.execPath, BIN, ...argv], { cwd: caseDir, env, timeoutMs: TIMEOUT_MS });
    const outside = [...changes(decoyBefore, snapshot(this.decoy)).map((p) => `decoy:${p}`), ...changes(caseBefore, snapshot(caseDir, skip))];
    const failures: FailureClass[] = [];
    if (r.timedOut || r.ms > TIMEOUT_MS) failures.push('timeout');
    else if (r.signal) failures.push('signal');
    else if (r.code === 70) failures.push('exit-70');
    else if (r.code !== 0 && r.code !== 1 && r.code !== 2) failures.push('other-exit');
    if (STACK_FRAME.test(r.stderr)) failures.push('stack-trace');
    // Standard error only: reports on stdout quote the benchmark's own "read-only file system" advice.
    if (outside.length > 0 || READ_ONLY.test(r.stderr)) failures.push('write-outside-root');
    if (r.code === 2 && !CLEAR_ERROR.test(r.stderr)) failures.push('unclear-error');
    if ((r.code === 0 || r.code === 1) && c.outputCheck && !outputHolds(c.outputCheck, r.stdout)) failures.push('bad-output');
    if (RAW_CONTROL.test(r.stderr) || ((c.textOut ?? isTextView(c.argv)) && RAW_CONTROL.test(r.stdout))) failures.push('raw-control');
    rmSync(caseDir, { recursive: true, force: true, maxRetries: 2 });
    return { failures, code: r.code, signal: r.signal, ms: r.ms, stdout: r.stdout.slice(0, 4000), stderr: r.stderr.slice(0, 2000), outside };
  }

  close(): void {
    for (const s of this.sandboxes) s.close();
    rmSync(this.base, { recursive: true, force: true, maxRetries: 2 });
  }
}

/** Files outside every root that symlinks in hostile cases point at: a secret, a world-writable file, a directory. */
function makeDecoy(decoy: string): void {
  mkdirSync(path.join(decoy, 'dir/docker'), { recursive: true });
  writeFileSync(path.join(decoy, 'secret'), 'root:x:0:0\n', { mode: 0o600 });
  writeFileSync(path.join(decoy, 'world'), '{}\n', { mode: 0o666 });
  chmodSync(path.join(decoy, 'world'), 0o666);
  writeFileSync(path.join(decoy, 'dir/docker/daemon.json'), '{"debug": true}\n', { mode: 0o644 });
  writeFileSync(path.join(decoy, 'Dockerfile'), 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nCMD ["sh"]\n', { mode: 0o644 });
  symlinkSync(path.join(decoy, 'secret'), path.join(decoy, 'link-to-secret'));
}

function layOut(caseDir: string, c: FuzzCase, dirs: { caseDir: string; decoy: string }): void {
  for (const e of c.entries) {
    const abs = path.join(caseDir, e.path);
    // Entries only ever land inside the case directory, whatever a generator wrote.
    if (!abs.startsWith(caseDir + path.sep)) throw new Error(`fuzz entry outside its case: ${e.path}`);
    // A later entry under an earlier symlink or file is dropped: laying out never follows a link.
    if (!plainDirectories(caseDir, path.dirname(abs))) continue;
    rmSync(abs, { recursive: true, force: true });
    if (e.type === 'file') writeFileSync(abs, expand(e.content, dirs), { mode: e.mode ?? 0o644 });
    else if (e.type === 'dir') mkdirSync(abs, { recursive: true, mode: e.mode ?? 0o755 });
    else if (e.type === 'symlink') symlinkSync(expand(e.target, dirs), abs);
    else execFileSync('mkfifo', [abs]);
  }
}

/** Make the directories from `base` down to `dir`; false where one of them is a symlink or not a directory. */
function plainDirectories(base: string, dir: string): boolean {
  let at = base;
  for (const part of path.relative(base, dir).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    const st = lstatSync(at, { throwIfNoEntry: false });
    if (!st) mkdirSync(at);
    else if (!st.isDirectory()) return false;
  }
  return true;
}

// A name from the input found raw in markup (the generators' <fz-inject> and fz-attr markers).
const INJECTED = /<fz-inject|(?<!\\)["'] fz-attr=/i;
// Characters XML 1.0 cannot carry, even as references.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** HTML and XML reports carry every name escaped; JSON reports parse. */
export function outputHolds(check: OutputCheck, stdout: string): boolean {
  if (check === 'json') {
    try {
      JSON.parse(stdout);
      return true;
    } catch {
      return false;
    }
  }
  return !INJECTED.test(stdout) && (check === 'html' || !NOT_XML.test(stdout));
}
