// One scanner process: spawned without a shell, its output collected up to a bound, and killed when
// it overruns its time or its output bound. It never throws; the outcome says what happened.
import { spawn } from 'node:child_process';

export interface BoundedRun {
  /** Exit code, or null when the process was killed or could not start. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why the run was cut short or did not start, in a few words; absent when it ran to its end. */
  stopped?: string;
}

export interface BoundedRunOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Standard output beyond this many bytes kills the process. */
  maxBytes: number;
}

/** Standard error is kept only for its first lines: enough for the one line a note quotes. */
const MAX_STDERR_BYTES = 64 * 1024;

export function runBounded(file: string, args: readonly string[], opts: BoundedRunOptions): Promise<BoundedRun> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let stopped: string | undefined;
    const child = spawn(file, args, { env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    const stop = (why: string) => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`it did not finish within ${formatDuration(opts.timeoutMs)} and was stopped`), opts.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > opts.maxBytes) return stop(`its output passed ${formatBytes(opts.maxBytes)} and it was stopped`);
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (errBytes >= MAX_STDERR_BYTES) return;
      errBytes += chunk.length;
      err.push(chunk);
    });
    let finished = false;
    const finish = (code: number | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      resolve({
        code: stopped ? null : code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(stopped ? { stopped } : {}),
      });
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      stopped ??= `it could not be started (${e.code ?? e.message})`;
      finish(null);
    });
    // A stopped scanner may have left a child of its own holding the pipes open (a wrapper
    // script's process): its exit is the end, not the pipes closing.
    child.on('exit', () => {
      if (!stopped) return;
      child.stdout.destroy();
      child.stderr.destroy();
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}

function formatDuration(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}
