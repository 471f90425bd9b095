// One SSH connection per host, shared by every session the inspection opens (the collector, each
// Engine API stream): the system's ssh as ControlMaster, its socket in a private 0700 directory,
// with the user's own config, keys and known_hosts. Host keys are always checked (BatchMode
// only stops ssh from asking); a failure to connect becomes one sentence.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import { sshUrl, type SshTarget } from './ssh-target.js';

export type SshFailure = 'unreachable' | 'host-key' | 'permission-denied' | 'failed';

/** Could not connect or log in: `reason` lets a fleet audit say why per host. */
export class SshConnectError extends UserError {
  constructor(
    readonly reason: SshFailure,
    message: string,
    hint?: string,
  ) {
    super(message, hint);
    this.name = 'SshConnectError';
  }
}

export interface SshRun {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

export interface SshConnection {
  readonly url: string;
  /** Runs `command` (a line for the remote login shell) with `input` on its stdin. */
  run(command: string, input?: string | Buffer, timeoutMs?: number): Promise<SshRun>;
  /** A session whose stdin/stdout are the caller's stream (the Engine API tunnel). */
  spawn(command: string): ChildProcess;
  close(): Promise<void>;
}

/** Opens the master connection; every later session rides on it without a new login. */
export async function openSsh(target: SshTarget, opts: { connectTimeoutSeconds?: number } = {}): Promise<SshConnection> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dh-ssh-')); // mkdtemp makes it 0700
  const control = path.join(dir, 'cm');
  const url = sshUrl(target);
  const base = [
    '-o',
    'BatchMode=yes',
    '-o',
    `ControlPath=${control}`,
    '-o',
    `ConnectTimeout=${opts.connectTimeoutSeconds ?? 10}`,
    ...(target.port ? ['-p', String(target.port)] : []),
    ...(target.identityFile ? ['-i', target.identityFile] : []),
    ...(target.commonArgs ?? []),
  ];
  // -f -N: ssh goes to the background once logged in; ControlPersist ends it soon if this process dies.
  const master = await collect(
    spawn('ssh', [...base, '-o', 'ControlMaster=yes', '-o', 'ControlPersist=60', '-f', '-N', '--', target.destination], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  if (master.exitCode !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw connectError(url, master.stderr);
  }
  const session = (command: string) =>
    spawn('ssh', [...base, '-o', 'ControlMaster=no', '-T', '--', target.destination, command], { stdio: ['pipe', 'pipe', 'pipe'] });
  return {
    url,
    async run(command, input, timeoutMs = 120_000) {
      const child = session(command);
      const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
      child.stdin!.on('error', () => undefined); // the far end may stop reading early
      child.stdin!.end(input ?? '');
      try {
        const result = await collect(child);
        if (result.exitCode === 255) throw connectError(url, result.stderr);
        return result;
      } finally {
        clearTimeout(timer);
      }
    },
    spawn: session,
    async close() {
      await collect(spawn('ssh', [...base, '-O', 'exit', '--', target.destination], { stdio: ['ignore', 'pipe', 'pipe'] })).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function collect(child: ChildProcess): Promise<SshRun> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/** ssh's own words, turned into one sentence about the host. */
export function connectError(url: string, stderr: string): SshConnectError {
  const text = stderr.replace(/\r/g, '');
  const last =
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? 'ssh exited with status 255';
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No .* host key is known|host key .* differs/i.test(text)) {
    return new SshConnectError(
      'host-key',
      `The host key of ${url} is not the one in known_hosts (or is not there), so docker-harden did not connect.`,
      'Check the key and add it to ~/.ssh/known_hosts (ssh-keyscan, or one interactive ssh login); host key checking is never turned off.',
    );
  }
  if (/Permission denied|Too many authentication failures/i.test(text)) {
    return new SshConnectError(
      'permission-denied',
      `${url} refused the login (permission denied).`,
      'Check the user, and the key (--ssh user@host, ssh-agent or ~/.ssh/config IdentityFile).',
    );
  }
  const unreachable =
    /Connection refused|Connection timed out|timed out|No route to host|Network is unreachable|Could not resolve hostname|Name or service not known|Connection closed by|Connection reset/i.exec(
      text,
    );
  if (unreachable) {
    return new SshConnectError(
      'unreachable',
      `${url} cannot be reached over SSH (${unreachable[0].toLowerCase()}).`,
      'Check the host name and port, and that sshd runs there.',
    );
  }
  return new SshConnectError('failed', `ssh to ${url} failed: ${last.replace(/\.$/, '')}.`, 'Run the same ssh command by hand to see why.');
}
