// Runs a command where an escape fails loudly: a new mount namespace in which every mount is
// read-only except one scratch directory, plus new PID and network namespaces so a pid or an
// address taken from hostile input cannot reach a process or a service of the machine.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import path from 'node:path';
import { createInterface } from 'node:readline';

// Bind the scratch directory onto itself (its own mount, so it stays writable), then remount every
// other writable mount read-only. /proc stays: it is the namespace's own, mounted by unshare.
const MOUNT_SCRIPT = String.raw`
set -u
w="$1"; shift
mount --bind "$w" "$w" || exit 97
awk '$6 ~ /(^|,)rw(,|$)/ { print $5 }' /proc/self/mountinfo | sort -u | while read -r t; do
  case "$t" in /proc|/proc/*|"$w"|"$w"/*) ;; *) mount -o remount,bind,ro "$t" 2>/dev/null ;; esac
done
if ( : > /.dh-fuzz-probe ) 2>/dev/null; then rm -f /.dh-fuzz-probe; echo 'sandbox: / is still writable' >&2; exit 97; fi
exec "$@"
`;

export interface SandboxResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/**
 * One sandbox, set up once and reused for many commands (setting the mounts up costs more than
 * running a command): an executor runs as PID 1 of the namespace and runs each command in turn.
 * A command that does not answer in time takes the sandbox down with it; the next run starts a new one.
 */
export class Sandbox {
  private child: ChildProcess | null = null;
  private ready: Promise<void> = Promise.resolve();
  private waiting: ((r: SandboxResult) => void) | null = null;
  private nextId = 0;

  constructor(readonly scratch: string) {}

  private start(): void {
    const executor = path.join(import.meta.dirname, 'executor.mjs');
    const child = spawn(
      'unshare',
      ['--mount', '--pid', '--fork', '--net', '--mount-proc', '--kill-child', 'sh', '-c', MOUNT_SCRIPT, 'sandbox', this.scratch, process.execPath, executor],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
        detached: true,
      },
    );
    this.child = child;
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s.slice(0, 4000)));
    const requests = child.stdio[3] as Writable;
    requests.on('error', () => {});
    this.ready = new Promise((resolve, reject) => {
      createInterface({ input: child.stdio[4] as Readable }).on('line', (line) => {
        const msg = JSON.parse(line) as SandboxResult & { ready?: boolean };
        if (msg.ready) return resolve();
        const done = this.waiting;
        this.waiting = null;
        done?.(msg);
      });
      child.on('close', (code, signal) => {
        if (this.child === child) this.child = null;
        const message = `the sandbox ended (${signal ?? `exit ${code}`}): ${stderr.trim()}`;
        reject(new Error(message));
        const done = this.waiting;
        this.waiting = null;
        done?.({ code, signal, stdout: '', stderr: message, ms: 0, timedOut: false });
      });
    });
    this.ready.catch(() => {});
  }

  async run(argv: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; inProcess?: boolean; bin?: string }): Promise<SandboxResult> {
    if (!this.child) this.start();
    await this.ready;
    const child = this.child!;
    const id = this.nextId++;
    const started = performance.now();
    return new Promise((resolve) => {
      // The executor enforces the limit on a spawned command; main() in its own process cannot be
      // stopped from inside, so here the whole sandbox goes (a little later, to let the executor answer first).
      const timer = setTimeout(() => {
        this.waiting = null;
        this.kill(child);
        resolve({ code: null, signal: 'SIGKILL', stdout: '', stderr: '', ms: performance.now() - started, timedOut: true });
      }, opts.timeoutMs + 2000);
      this.waiting = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
      (child.stdio[3] as Writable).write(JSON.stringify({ id, argv, ...opts }) + '\n');
    });
  }

  private kill(child: ChildProcess): void {
    if (this.child === child) this.child = null;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }

  close(): void {
    if (this.child) this.kill(this.child);
  }
}
