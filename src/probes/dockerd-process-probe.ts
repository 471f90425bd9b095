// Probe 'dockerdProcess': the running dockerd, found by its executable, not by its name. A process
// only counts when /proc/<pid>/exe is the same file (device + inode) as an installed dockerd, so a
// renamed `sleep` or `exec -a dockerd` cannot pose as the daemon and feed the audit false flags.
// Of several, the one behind the endpoint is taken (dockerd-identify.ts), or none: never a guess.
import path from 'node:path';
import type { DaemonIdentity, DockerdProcessFacts } from '../facts/host-facts.js';
import { parseDockerdArgs } from '../facts/dockerd-flags.js';
import { sameEndpoint, type Endpoint } from './docker-host.js';
import { probed, type Probed } from './probe.js';
import { readHostText } from './host-fs.js';
import { DEFAULT_DAEMON_JSON, daemonJsonPath, parseDaemonJson } from './daemon-json-probe.js';
import { DEFAULT_SOCKET, readDockerdDetails } from './dockerd-details.js';
import { identifyDockerd, type DockerdCandidate, type Identification } from './dockerd-identify.js';
import { holdsEndpoint, realSocketPath } from './socket-owner.js';
import { detectServiceManager } from './service-manager.js';
import { localHostReader, readLinks, type HostReader } from './host-reader.js';

const INSTALL_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/bin', '/sbin'];
const DELETED = ' (deleted)';

export interface DockerdProbeOptions {
  root: string;
  endpoint: Endpoint;
  /** Defaults to process.env.PATH. */
  searchPath?: string;
  /** The host whose /proc is read (this machine by default). */
  host?: HostReader;
}

export type DockerdProbeResult = Probed<DockerdProcessFacts | null> & { identity: DaemonIdentity };

export async function probeDockerdProcess(opts: DockerdProbeOptions): Promise<DockerdProbeResult> {
  if (opts.root !== '/')
    return {
      ...probed(null, 'missing', 'process table not read for --root'),
      identity: { status: 'unknown', reason: 'The process table is not read for --root.' },
    };
  const host = opts.host ?? localHostReader('/');
  const installed = await installedDockerds(host, opts.searchPath ?? host.env.PATH ?? '');
  const pids = (await host.readdir('/proc'))
    .map((e) => e.name)
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
  let denied = 0;
  // Every process is looked at, even where the kernel could name the socket's holder: how many
  // dockerd run, and whether a second one holds the socket too, decide the answer as well.
  const links = await readLinks(
    host,
    pids.map((pid) => `/proc/${pid}/exe`),
  );
  const named = pids.flatMap((pid, i) => {
    const link = links[i];
    if ('code' in link) {
      // Kernel threads have no exe (ENOENT); other users' processes are hidden from non-root.
      if (link.code === 'EACCES') denied++;
      return [];
    }
    const deleted = link.target.endsWith(DELETED);
    const exePath = deleted ? link.target.slice(0, -DELETED.length) : link.target;
    return path.basename(exePath) === 'dockerd' ? [{ pid, exePath, deleted }] : [];
  });
  const found = await Promise.all(
    named.map(async ({ pid, exePath, deleted }): Promise<DockerdProcessFacts | null> => {
      try {
        // stat of /proc/<pid>/exe is the mapped executable itself, even after a package upgrade replaced it.
        const st = await host.stat(`/proc/${pid}/exe`);
        const sameFile = installed.ids.has(st.id);
        // An upgraded dockerd still runs the old, now deleted inode from its installed path.
        if (!sameFile && !(deleted && installed.paths.has(exePath))) return null;
        const cmdline = await host.readProc(`/proc/${pid}/cmdline`);
        return { pid, exe: exePath, argv: cmdline.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1) };
      } catch {
        return null; // exited meanwhile
      }
    }),
  );
  const processes = found.filter((p): p is DockerdProcessFacts => p !== null);
  const { chosen, identity } = await identify(host, processes, opts.endpoint);
  if (chosen) {
    const details = await readDockerdDetails(chosen.process.pid, chosen.process.argv, host);
    const { defaultHost: _defaultHost, ...kept } = details;
    const dockerd: DockerdProcessFacts = { ...chosen.process, ...kept, manager: await detectServiceManager(chosen.process.pid, host) };
    const others = processes.length > 1 ? ` (${processes.length} dockerd processes)` : '';
    return { ...probed(dockerd, 'ok', `pid ${dockerd.pid} ${dockerd.exe}, identified by ${dockerd.identifiedBy}${others}`), identity };
  }
  // Root may still be refused a few (a sandbox's init): that says nothing about a hidden dockerd.
  // For non-root it does: the daemon behind the endpoint may be among the processes it cannot
  // read, so "not allowed to look" is the honest answer, even beside other users' dockerd.
  if (denied > 0 && host.uid() !== 0) {
    return { ...probed(null, 'permission-denied', `the executables of ${denied} processes could not be read (run as root)`), identity: { status: 'unknown' } };
  }
  if (identity.status === 'ambiguous') return { ...probed(null, 'error', identity.reason), identity };
  return { ...probed(null, 'not-running', 'no dockerd process'), identity };
}

/** Ties each dockerd to the endpoint through the kernel, and reads its flags for the fallback. */
async function identify(host: HostReader, processes: DockerdProcessFacts[], endpoint: Endpoint): Promise<Identification> {
  const wanted = await canonicalEndpoint(host, endpoint);
  const candidates = await Promise.all(
    processes.map(async (p): Promise<DockerdCandidate> => {
      const holding = await holdsEndpoint(p.pid, endpoint, host);
      const details = holding === 'unknown' ? await readDockerdDetails(p.pid, p.argv, host) : null;
      const hosts = details ? await hostsOf(host, p, details.defaultConfigFile ?? DEFAULT_DAEMON_JSON) : null;
      return {
        process: p,
        holding,
        hosts: hosts && (await Promise.all(hosts.map((h) => canonicalHostFlag(host, h)))),
        defaultHost: await canonicalHostFlag(host, details?.defaultHost ?? `unix://${DEFAULT_SOCKET}`),
      };
    }),
  );
  return identifyDockerd(candidates, endpoint, (h) => sameEndpoint(endpoint, h) || sameEndpoint(wanted, h));
}

/** -H flags, else the "hosts" of the daemon.json this dockerd reads; null when neither names any. */
async function hostsOf(host: HostReader, p: DockerdProcessFacts, defaultConfig: string): Promise<string[] | null> {
  const flags = parseDockerdArgs(p.argv.slice(1));
  const fromFlag = flags.get('hosts')?.value;
  if (Array.isArray(fromFlag) && fromFlag.length > 0) return fromFlag.map(String);
  const read = await readHostText(host, daemonJsonPath(p.argv.slice(1), defaultConfig));
  const parsed = read.content === null ? null : parseDaemonJson(read.content);
  const hosts = parsed && 'value' in parsed ? parsed.value.hosts : undefined;
  if (Array.isArray(hosts) && hosts.length > 0) return hosts.map(String);
  return typeof hosts === 'string' && hosts !== '' ? [hosts] : null;
}

async function installedDockerds(host: HostReader, searchPath: string): Promise<{ ids: Set<string>; paths: Set<string> }> {
  const dirs = [...new Set([...searchPath.split(':').filter((d) => d.startsWith('/')), ...INSTALL_DIRS])];
  const ids = new Set<string>();
  const paths = new Set<string>();
  await Promise.all(
    dirs.map(async (dir) => {
      const file = path.join(dir, 'dockerd');
      try {
        const st = await host.stat(file);
        if (st.type !== 'file') return;
        ids.add(st.id);
        paths.add(file);
        paths.add(await host.realpath(file));
      } catch {
        /* not installed there */
      }
    }),
  );
  return { ids, paths };
}

/** /var/run/docker.sock and /run/docker.sock are one socket: compare real paths. */
async function canonicalEndpoint(host: HostReader, endpoint: Endpoint): Promise<Endpoint> {
  if (endpoint.kind !== 'unix') return endpoint;
  const real = await realSocketPath(endpoint.socketPath, host);
  return { ...endpoint, socketPath: real, url: `unix://${real}` };
}

async function canonicalHostFlag(host: HostReader, flag: string): Promise<string> {
  if (!flag.startsWith('unix://')) return flag;
  return `unix://${await realSocketPath(flag.slice('unix://'.length), host)}`;
}
