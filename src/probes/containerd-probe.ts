// Probe 'containerd': the containerd dockerd started itself. dockerd 20.10 run without --containerd
// (and with no /run/containerd/containerd.sock) starts `containerd --config <exec-root>/containerd/
// containerd.toml`, which serves <exec-root>/containerd/containerd.sock, not the packaged path CIS
// names: the audit must look at the socket this containerd really listens on.
import path from 'node:path';
import type { ContainerdFacts, HostFacts } from '../facts/host-facts.js';
import { emptyFacts } from '../facts/empty-facts.js';
import { effectiveConfig } from '../facts/effective-config.js';
import { mapLimit, probed, type Probed } from './probe.js';
import { listeningUnixSockets } from './unix-listeners.js';
import { hostReader, type HostAccess, type HostReader } from './host-reader.js';

export const DEFAULT_CONTAINERD_SOCKET = '/run/containerd/containerd.sock';

export async function probeContainerd(host: HostAccess, facts: Pick<HostFacts, 'dockerd' | 'daemonJson'>): Promise<Probed<ContainerdFacts | null>> {
  const reader = hostReader(host);
  if (reader.root !== '/') return probed(null, 'missing', 'process table not read for --root');
  const { dockerd } = facts;
  if (!dockerd) return probed(null, 'not-running', 'no dockerd process, so no containerd of its own');
  const cfg = effectiveConfig(emptyFacts({ dockerd, daemonJson: facts.daemonJson }));
  const external = cfg.get('containerd');
  if (external) return probed(null, 'missing', `dockerd uses the containerd named by ${external.evidence}`);
  const execRoot = cfg.get('exec-root')?.value;
  // A dockerd restarted while its containerd kept running adopts it by the pid file, no longer as its child.
  const pid = (await childContainerd(reader, dockerd.pid)) ?? (await pidFileContainerd(reader, typeof execRoot === 'string' ? execRoot : '/var/run/docker'));
  if (pid === null) return probed(null, 'missing', `dockerd pid ${dockerd.pid} runs no containerd of its own (it uses ${DEFAULT_CONTAINERD_SOCKET})`);

  const argv = (await reader.readProc(`/proc/${pid}/cmdline`)).split('\0').filter(Boolean);
  const configPath = flagValue(argv, '--config', '-c');
  const toml = configPath?.startsWith('/') ? await reader.readProc(configPath).catch(() => null) : null;
  const flagAddress = flagValue(argv, '--address', '-a');
  const configAddress = toml === null ? undefined : tomlString(toml, 'grpc', 'address');
  const declared = flagAddress
    ? { path: flagAddress, source: 'command-line' as const }
    : configAddress
      ? { path: configAddress, source: 'config' as const }
      : undefined;
  // Non-root cannot read another user's fds: the declared address then stands alone.
  const listening = await listeningUnixSockets(pid, reader).catch(() => null);
  const debug = toml === null ? undefined : tomlString(toml, 'debug', 'address');
  const found = chooseSocket(declared, listening, debug);
  const value: ContainerdFacts = { pid, socket: found.path, ...(configPath ? { configPath } : {}), source: found.source };
  return probed(value, 'ok', `containerd pid ${pid} (started by dockerd pid ${dockerd.pid}) serves ${found.path} (${found.source})`);
}

type Found = { path: string; source: ContainerdFacts['source'] };

/**
 * The gRPC socket: the declared one when the kernel shows it listening (or cannot tell), else the
 * listening socket that is neither ttrpc nor debug, else the declared one, else the default.
 */
export function chooseSocket(declared: Found | undefined, listening: string[] | null, debugAddress?: string): Found {
  if (declared && (listening === null || listening.includes(declared.path))) return declared;
  const grpc = (listening ?? []).filter((p) => !p.endsWith('.ttrpc') && p !== debugAddress);
  const pick = grpc.find((p) => path.posix.basename(p) === 'containerd.sock') ?? grpc[0];
  if (pick) return { path: pick, source: 'listening-socket' };
  return declared ?? { path: DEFAULT_CONTAINERD_SOCKET, source: 'default' };
}

/** A string value of `key` directly under `[table]` in a TOML file (dockerd writes containerd's config flat). */
export function tomlString(toml: string, table: string, key: string): string | undefined {
  let current = '';
  for (const raw of toml.split('\n')) {
    const line = raw.trim();
    const header = /^\[\s*([^\][]+?)\s*\]$/.exec(line);
    if (header) current = header[1].replace(/\s*\.\s*/g, '.').replace(/"/g, '');
    else if (current === table) {
      const m = new RegExp(`^"?${key}"?\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|'([^']*)')`).exec(line);
      if (m) return m[2] ?? unescapeBasic(m[1]);
    }
  }
  return undefined;
}

function unescapeBasic(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text; // a TOML-only escape (\e, \UXXXXXXXX): never seen in a socket path
  }
}

function flagValue(argv: readonly string[], long: string, short: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    if (argv[i].startsWith(`${long}=`)) return argv[i].slice(long.length + 1);
    if ((argv[i] === long || argv[i] === short) && i + 1 < argv.length) return argv[i + 1];
  }
  return undefined;
}

async function isContainerd(host: HostReader, pid: number): Promise<boolean> {
  const exe = await host.readlink(`/proc/${pid}/exe`).catch(() => '');
  return path.posix.basename(exe.replace(/ \(deleted\)$/, '')) === 'containerd';
}

async function childContainerd(host: HostReader, parent: number): Promise<number | null> {
  // The kernel lists each thread's children; only where it does not, every process is looked at
  // (a host with many containers runs a few hundred).
  const pids = ((await listedChildren(host, parent)) ?? (await host.readdir('/proc')).map((e) => e.name))
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
  const children = await mapLimit(pids, 64, async (pid) => {
    const stat = await host.readProc(`/proc/${pid}/stat`).catch(() => '');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid === parent && (await isContainerd(host, pid)) ? pid : null;
  });
  return children.find((p): p is number => p !== null) ?? null;
}

/** Children of `pid` from /proc/<pid>/task/<tid>/children; null when the kernel does not provide them. */
async function listedChildren(host: HostReader, pid: number): Promise<string[] | null> {
  try {
    const tasks = await host.readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(tasks.map((t) => host.readProc(`/proc/${pid}/task/${t.name}/children`)));
    return lists.flatMap((l) => l.split(' ')).filter(Boolean);
  } catch {
    return null;
  }
}

async function pidFileContainerd(host: HostReader, execRoot: string): Promise<number | null> {
  const text = await host.readProc(path.posix.join(execRoot, 'containerd', 'containerd.pid')).catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 && (await isContainerd(host, pid)) ? pid : null;
}
