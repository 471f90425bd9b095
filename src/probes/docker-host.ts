// The engine endpoint the tool talks to, parsed once. Only addresses a client can dial are
// accepted; anything else is the user's typo and stops the run with one sentence.
import path from 'node:path';
import os from 'node:os';
import type { Duplex } from 'node:stream';
import { INPUT_LIMITS, describeReadError, readInputTextSync } from '../core/read-input.js';
import { UserError } from '../core/errors.js';

export type Endpoint =
  | { kind: 'unix'; url: string; socketPath: string; tunnel?: EngineTunnel }
  | { kind: 'tcp'; url: string; host: string; port: number; tls?: ClientTls };

/**
 * A socket on another host, reached through a byte stream per connection (`docker system
 * dial-stdio` over SSH). socketPath then names the socket on that host.
 */
export interface EngineTunnel {
  dial(): Duplex;
  /** Connections at once: each is a session on one SSH connection, and sshd allows only a few. */
  maxConnections: number;
}

/** The client certificate set the docker CLI uses with DOCKER_TLS_VERIFY (PEM contents). */
export interface ClientTls {
  ca: string;
  cert: string;
  key: string;
}

const HINT = 'Pass --docker-host (or set DOCKER_HOST) to unix:///path/to/docker.sock or tcp://HOST:PORT.';

export function parseDockerHost(value: string): Endpoint {
  const text = value.trim();
  const unix = /^unix:\/\/(.*)$/.exec(text);
  if (unix) {
    const socketPath = unix[1];
    if (!socketPath.startsWith('/')) throw new UserError(`The Docker host "${value}" does not name an absolute socket path.`, HINT);
    return { kind: 'unix', url: `unix://${path.posix.normalize(socketPath)}`, socketPath: path.posix.normalize(socketPath) };
  }
  const tcp = /^tcp:\/\/(\[[0-9a-fA-F:.]+\]|[^:/\s[\]]+)(?::(\d+))?\/?$/.exec(text);
  if (tcp) {
    const port = tcp[2] === undefined ? 2375 : Number(tcp[2]);
    if (port < 1 || port > 65535) throw new UserError(`The Docker host "${value}" has an invalid port.`, HINT);
    const host = tcp[1].replace(/^\[(.*)\]$/, '$1');
    return { kind: 'tcp', url: `tcp://${tcp[1]}:${port}`, host, port };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (scheme === 'fd') throw new UserError(`The Docker host "${value}" is a daemon-side address (fd://) that a client cannot connect to.`, HINT);
  if (scheme) throw new UserError(`The Docker host "${value}" uses ${scheme}://, which docker-harden cannot connect to.`, HINT);
  throw new UserError(`The Docker host "${value}" is not a unix:// or tcp:// address.`, HINT);
}

/** The same endpoint written the way dockerd's -H takes it, for matching against its flags. */
export function sameEndpoint(a: Endpoint, hostFlag: string): boolean {
  let b: Endpoint;
  try {
    b = parseDockerHost(hostFlag);
  } catch {
    return false;
  }
  if (a.kind === 'unix' && b.kind === 'unix') return a.socketPath === b.socketPath;
  if (a.kind === 'tcp' && b.kind === 'tcp') {
    const wildcard = (h: string) => h === '0.0.0.0' || h === '::' || h === '';
    return a.port === b.port && (a.host === b.host || wildcard(b.host));
  }
  return false;
}

/**
 * A tcp:// endpoint with TLS where the environment asks for it, as the docker CLI does:
 * DOCKER_TLS_VERIFY set to anything but "" turns it on; the files are ca.pem, cert.pem and key.pem
 * in DOCKER_CERT_PATH (default ~/.docker).
 */
export function withClientTls(endpoint: Endpoint, env: NodeJS.ProcessEnv): Endpoint {
  if (endpoint.kind !== 'tcp' || !env.DOCKER_TLS_VERIFY) return endpoint;
  const dir = env.DOCKER_CERT_PATH || path.join(env.HOME ?? os.homedir(), '.docker');
  const read = (name: string) => {
    try {
      return readInputTextSync(path.join(dir, name), INPUT_LIMITS.text);
    } catch (err) {
      throw new UserError(
        `DOCKER_TLS_VERIFY is set, but ${path.join(dir, name)} ${describeReadError(err)}.`,
        'Point DOCKER_CERT_PATH at the folder with ca.pem, cert.pem and key.pem, or unset DOCKER_TLS_VERIFY.',
      );
    }
  };
  return { ...endpoint, tls: { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') } };
}
