// The Engine API of a host reached over SSH, as the docker CLI reaches ssh:// hosts: every HTTP
// connection is a session on the shared SSH connection running `docker system dial-stdio`, with
// socat or `nc -U` where the target has no docker CLI. The HTTP client sees a plain duplex stream.
import type { ChildProcess } from 'node:child_process';
import { Duplex } from 'node:stream';
import { shellQuote } from '../../core/shell-quote.js';
import type { EngineTunnel } from '../docker-host.js';
import type { SshConnection } from './ssh-connection.js';

/** sshd allows ten sessions per connection by default; the collector needs one of them. */
const MAX_STREAMS = 4;

/** The remote command: a line for the target's login shell, every word quoted. */
export function dialCommand(socketPath: string): string {
  const sock = shellQuote(socketPath);
  const url = shellQuote(`unix://${socketPath}`);
  return [
    'if command -v docker >/dev/null 2>&1; then exec docker -H ' + url + ' system dial-stdio;',
    'elif command -v socat >/dev/null 2>&1; then exec socat - UNIX-CONNECT:' + sock + ';',
    'elif command -v nc >/dev/null 2>&1; then exec nc -U ' + sock + ';',
    "else echo 'neither docker, socat nor nc is installed' >&2; exit 127; fi",
  ].join(' ');
}

export function engineTunnel(conn: SshConnection, socketPath: string): EngineTunnel {
  const command = dialCommand(socketPath);
  return { dial: () => childStream(conn.spawn(command)), maxConnections: MAX_STREAMS };
}

/** A child's stdin and stdout as one duplex, with the socket methods node:http calls. */
function childStream(child: ChildProcess): Duplex {
  let timer: NodeJS.Timeout | undefined;
  let idleMs = 0;
  const touch = () => {
    if (timer) clearTimeout(timer);
    timer = idleMs > 0 ? setTimeout(() => stream.emit('timeout'), idleMs) : undefined;
  };
  const stream = new Duplex({
    read: () => void child.stdout!.resume(),
    write(chunk: Buffer, _enc, cb) {
      touch();
      child.stdin!.write(chunk, cb);
    },
    final: (cb) => child.stdin!.end(cb),
    destroy(err, cb) {
      if (timer) clearTimeout(timer);
      child.kill();
      cb(err);
    },
  });
  child.stdout!.on('data', (c: Buffer) => {
    touch();
    if (!stream.push(c)) child.stdout!.pause();
  });
  // The far end could not reach the socket: say so as a local connect would (ENOENT, EACCES...).
  let stderr = '';
  let answered = false;
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  child.stdout!.once('data', () => (answered = true));
  child.on('close', () => {
    if (answered || stream.destroyed) return;
    const code = /no such file/i.test(stderr)
      ? 'ENOENT'
      : /permission denied/i.test(stderr)
        ? 'EACCES'
        : /refused/i.test(stderr)
          ? 'ECONNREFUSED'
          : 'ECONNRESET';
    stream.destroy(Object.assign(new Error(stderr.trim().split('\n')[0] || 'the tunnel closed'), { code }));
  });
  // Without an answer the end waits for the exit status, so the stream ends with the reason.
  child.stdout!.on('end', () => answered && stream.push(null));
  child.stdin!.on('error', () => undefined);
  child.on('error', (err) => stream.destroy(err));
  const self = () => stream;
  return Object.assign(stream, {
    setTimeout(ms: number, cb?: () => void) {
      idleMs = ms;
      if (cb) stream.once('timeout', cb);
      touch();
      return stream;
    },
    setNoDelay: self,
    setKeepAlive: self,
    ref: self,
    unref: self,
  });
}
