// Which process serves an endpoint, asked of the kernel: the inode of the socket listening on the
// endpoint (/proc/<pid>/net/unix, tcp, tcp6 — read through the pid, so a daemon in its own network
// namespace, as rootless Docker is, is seen in its namespace) and whether the pid holds that inode
// among its open files (/proc/<pid>/fd/* -> "socket:[inode]").
import os from 'node:os';
import path from 'node:path';
import type { Endpoint } from './docker-host.js';
import { localHostReader, readLinks, type HostReader } from './host-reader.js';

const thisHost = (): HostReader => localHostReader('/');

/** 'holds': the pid has the listening socket open; 'not-held': it does not; 'unknown': its fds could not be read. */
export type SocketHolding = 'holds' | 'not-held' | 'unknown';

const ACCEPTCON = 0x10000; // __SO_ACCEPTCON: the socket is listening
const TCP_LISTEN = '0A';

/** Inodes of unix sockets listening on `socketPath` in a /proc/net/unix table (paths compared as real paths). */
export async function listeningUnixInodes(table: string, socketPath: string, host: HostReader = thisHost()): Promise<Set<number>> {
  // A host with many containers lists a listening socket per container shim, mostly in one
  // directory: each directory is resolved once, and all of them at the same time.
  const dirs = new Map<string, Promise<string>>();
  const real = (p: string) => {
    const dir = path.dirname(p);
    let resolved = dirs.get(dir);
    if (!resolved) dirs.set(dir, (resolved = host.realpath(dir).catch(() => '')));
    return resolved.then((d) => (d === '' ? p : path.join(d, path.basename(p))));
  };
  const wanted = real(socketPath);
  const listening = table
    .split('\n')
    .slice(1)
    // Num RefCount Protocol Flags Type St Inode Path (the path may hold spaces: it is the rest of the line)
    .map((line) => /^\S+:\s+\S+\s+\S+\s+([0-9A-Fa-f]+)\s+\S+\s+\S+\s+(\d+)\s+(\/.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null && (parseInt(m[1], 16) & ACCEPTCON) !== 0);
  const same = await Promise.all(listening.map(async (m) => m[3] === socketPath || (await real(m[3])) === (await wanted)));
  return new Set(listening.filter((_, i) => same[i]).map((m) => Number(m[2])));
}

/** Inodes of TCP sockets in LISTEN state on `port` in a /proc/net/tcp or tcp6 table that a client of `host` reaches. */
export function listeningTcpInodes(table: string, host: string, port: number): Set<number> {
  const out = new Set<number>();
  for (const line of table.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || f[3] !== TCP_LISTEN) continue;
    const [addrHex, portHex] = f[1].split(':');
    if (parseInt(portHex, 16) !== port) continue;
    if (listenAddressServes(addrHex, host)) out.add(Number(f[9]));
  }
  return out;
}

/** The socket inodes a pid has open. Throws when its fds cannot be read (another user's process as non-root). */
export async function socketInodesHeldBy(pid: number, host: HostReader = thisHost()): Promise<Set<number>> {
  const dir = `/proc/${pid}/fd`;
  // dockerd and containerd hold several fds per container: read the links all at once.
  const links = await readLinks(
    host,
    (await host.readdir(dir)).map((fd) => path.join(dir, fd.name)),
  );
  const out = new Set<number>();
  for (const link of links) {
    const inode = 'target' in link ? socketInode(link.target) : -1; // no target: closed meanwhile
    if (inode >= 0) out.add(inode);
  }
  return out;
}

/** Whether `pid` holds a socket that listens on the endpoint, as seen in its own network namespace. */
export async function holdsEndpoint(pid: number, endpoint: Endpoint, host: HostReader = thisHost()): Promise<SocketHolding> {
  let listening: Set<number>;
  try {
    listening = await listeningInodes(pid, endpoint, host);
  } catch {
    return 'unknown';
  }
  if (listening.size === 0) return 'not-held';
  try {
    return (await holdsAnyOf(pid, listening, host)) ? 'holds' : 'not-held';
  } catch {
    return 'unknown';
  }
}

/** Links of an fd directory read at once, a batch at a time. */
const FD_BATCH = 32;

/**
 * Whether the pid has one of `inodes` open. A daemon opens its listening socket at start, so it is
 * among the lowest fds: they are read in ascending order, a batch at a time, and the rest is not
 * read once it is found (dockerd holds hundreds of fds on a host with many containers). Throws as
 * socketInodesHeldBy does.
 */
async function holdsAnyOf(pid: number, inodes: Set<number>, host: HostReader): Promise<boolean> {
  const dir = `/proc/${pid}/fd`;
  const fds = (await host.readdir(dir)).map((e) => e.name).sort((a, b) => Number(a) - Number(b));
  for (let i = 0; i < fds.length; i += FD_BATCH) {
    const links = await readLinks(
      host,
      fds.slice(i, i + FD_BATCH).map((fd) => path.join(dir, fd)),
    );
    if (links.some((link) => 'target' in link && inodes.has(socketInode(link.target)))) return true; // no target: closed meanwhile
  }
  return false;
}

/** The inode of an fd link "socket:[inode]", or -1. */
function socketInode(target: string): number {
  const m = /^socket:\[(\d+)\]$/.exec(target);
  return m ? Number(m[1]) : -1;
}

async function listeningInodes(pid: number, endpoint: Endpoint, host: HostReader): Promise<Set<number>> {
  if (endpoint.kind === 'unix') return listeningUnixInodes(await host.readProc(`/proc/${pid}/net/unix`), endpoint.socketPath, host);
  // A tcp endpoint on another machine is served by no local process.
  if (!isLocalHost(endpoint.host)) return new Set();
  const out = new Set<number>();
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = await host.readProc(`/proc/${pid}/net/${table}`);
    } catch {
      continue; // no IPv6 in this kernel
    }
    for (const inode of listeningTcpInodes(text, endpoint.host, endpoint.port)) out.add(inode);
  }
  return out;
}

/** /var/run/docker.sock and /run/docker.sock are one socket: compare the real directory. */
export async function realSocketPath(p: string, host: HostReader = thisHost()): Promise<string> {
  try {
    return path.join(await host.realpath(path.dirname(p)), path.basename(p));
  } catch {
    return p;
  }
}

function isLocalHost(host: string): boolean {
  if (host === 'localhost' || host === os.hostname()) return true;
  if (/^127\./.test(host) || host === '::1' || host === '0.0.0.0' || host === '::') return true;
  return Object.values(os.networkInterfaces()).some((list) => list?.some((i) => i.address === host));
}

/** A listening address (kernel hex) serves a client of `host` when it is a wildcard, or that address. */
function listenAddressServes(addrHex: string, host: string): boolean {
  const ip = decodeAddress(addrHex);
  if (ip === '0.0.0.0' || ip === '::') return true;
  if (host === 'localhost') return ip.startsWith('127.') || ip === '::1';
  return ip === host || ip === `::ffff:${host}`;
}

/** IPv4 is one little-endian word; IPv6 is four little-endian words. */
function decodeAddress(hex: string): string {
  const word = (h: string) => h.match(/../g)!.reverse().join('');
  if (hex.length === 8)
    return word(hex)
      .match(/../g)!
      .map((b) => parseInt(b, 16))
      .join('.');
  const bytes = [0, 8, 16, 24].map((i) => word(hex.slice(i, i + 8))).join('');
  if (bytes.startsWith('00000000000000000000ffff'))
    return `::ffff:${bytes
      .slice(24)
      .match(/../g)!
      .map((b) => parseInt(b, 16))
      .join('.')}`;
  const groups = bytes.match(/..../g)!.map((g) => parseInt(g, 16).toString(16));
  const text = groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
  return text === '0:0:0:0:0:0:0:0' ? '::' : text.replace(/^0::$/, '::');
}
