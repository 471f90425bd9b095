// Probe 'dockerdProcess': the running dockerd, found by its executable, not by its name. A process
// only counts when /proc/<pid>/exe is the same file (device + inode) as an installed dockerd, so a
// renamed `sleep` or `exec -a dockerd` cannot pose as the daemon and feed the audit false flags.
import { readdir, readFile, readlink, stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { DockerdProcessFacts } from '../facts/host-facts.js';
import { parseDockerdArgs } from '../facts/dockerd-flags.js';
import { sameEndpoint, type Endpoint } from './docker-host.js';
import { mapLimit, probed, type Probed } from './probe.js';

const INSTALL_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/bin', '/sbin'];
const DELETED = ' (deleted)';

export interface DockerdProbeOptions {
  root: string;
  endpoint: Endpoint;
  /** Defaults to process.env.PATH. */
  searchPath?: string;
}

export async function probeDockerdProcess(opts: DockerdProbeOptions): Promise<Probed<DockerdProcessFacts | null>> {
  if (opts.root !== '/') return probed(null, 'missing', 'process table not read for --root');
  const installed = await installedDockerds(opts.searchPath ?? process.env.PATH ?? '');
  const pids = (await readdir('/proc')).filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  let denied = 0;
  const found = await mapLimit(pids, 64, async (pid): Promise<DockerdProcessFacts | null> => {
    let exe: string;
    try {
      exe = await readlink(`/proc/${pid}/exe`);
    } catch (err) {
      // Kernel threads have no exe (ENOENT); other users' processes are hidden from non-root.
      if ((err as NodeJS.ErrnoException).code === 'EACCES') denied++;
      return null;
    }
    const deleted = exe.endsWith(DELETED);
    const exePath = deleted ? exe.slice(0, -DELETED.length) : exe;
    if (path.basename(exePath) !== 'dockerd') return null;
    try {
      // stat of /proc/<pid>/exe is the mapped executable itself, even after a package upgrade replaced it.
      const st = await stat(`/proc/${pid}/exe`);
      const sameFile = installed.ids.has(`${st.dev}:${st.ino}`);
      // An upgraded dockerd still runs the old, now deleted inode from its installed path.
      if (!sameFile && !(deleted && installed.paths.has(exePath))) return null;
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      return { pid, exe: exePath, argv: cmdline.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1) };
    } catch {
      return null; // exited meanwhile
    }
  });
  const candidates = found.filter((p): p is DockerdProcessFacts => p !== null);
  const chosen = await chooseDockerd(candidates, opts.endpoint);
  if (chosen) {
    const serving = (await servesEndpoint(chosen, opts.endpoint)) ? `the one serving ${opts.endpoint.url}` : `none serves ${opts.endpoint.url}, took the lowest pid`;
    const note = candidates.length > 1 ? ` (${candidates.length} dockerd processes; ${serving})` : '';
    return probed(chosen, 'ok', `pid ${chosen.pid} ${chosen.exe}${note}`);
  }
  // Root may still be refused a few (a sandbox's init): that says nothing about a hidden dockerd.
  if (denied > 0 && process.getuid?.() !== 0) {
    return probed(null, 'permission-denied', `the executables of ${denied} processes could not be read (run as root)`);
  }
  return probed(null, 'not-running', 'no dockerd process');
}

/** The dockerd serving the endpoint (by its -H/--host), else the one with the lowest pid. */
export async function chooseDockerd(candidates: DockerdProcessFacts[], endpoint: Endpoint): Promise<DockerdProcessFacts | null> {
  if (candidates.length <= 1) return candidates[0] ?? null;
  for (const c of candidates) if (await servesEndpoint(c, endpoint)) return c;
  return candidates[0];
}

async function servesEndpoint(dockerd: DockerdProcessFacts, endpoint: Endpoint): Promise<boolean> {
  const hosts = parseDockerdArgs(dockerd.argv.slice(1)).get('hosts')?.value;
  const wanted = await canonicalEndpoint(endpoint);
  for (const h of Array.isArray(hosts) ? hosts : []) {
    if (sameEndpoint(endpoint, h)) return true;
    const canon = await canonicalHostFlag(h);
    if (canon && sameEndpoint(wanted, canon)) return true;
  }
  return false;
}

async function installedDockerds(searchPath: string): Promise<{ ids: Set<string>; paths: Set<string> }> {
  const dirs = [...new Set([...searchPath.split(':').filter((d) => d.startsWith('/')), ...INSTALL_DIRS])];
  const ids = new Set<string>();
  const paths = new Set<string>();
  await Promise.all(dirs.map(async (dir) => {
    const file = path.join(dir, 'dockerd');
    try {
      const st = await stat(file);
      if (!st.isFile()) return;
      ids.add(`${st.dev}:${st.ino}`);
      paths.add(file);
      paths.add(await realpath(file));
    } catch { /* not installed there */ }
  }));
  return { ids, paths };
}

/** /var/run/docker.sock and /run/docker.sock are one socket: compare real paths. */
async function canonicalEndpoint(endpoint: Endpoint): Promise<Endpoint> {
  if (endpoint.kind !== 'unix') return endpoint;
  const real = await realSocketPath(endpoint.socketPath);
  return { ...endpoint, socketPath: real, url: `unix://${real}` };
}

async function canonicalHostFlag(flag: string): Promise<string | null> {
  if (!flag.startsWith('unix://')) return null;
  return `unix://${await realSocketPath(flag.slice('unix://'.length))}`;
}

async function realSocketPath(p: string): Promise<string> {
  try {
    return path.join(await realpath(path.dirname(p)), path.basename(p));
  } catch {
    return p;
  }
}
