// What the kernel knows about one dockerd: its user, its resource limits, its capabilities and,
// for rootless Docker, the environment that decides its default socket and daemon.json.
import path from 'node:path';
import { localHostReader, type HostReader } from './host-reader.js';
import type { DockerdProcessFacts } from '../facts/host-facts.js';
import { DEFAULT_DAEMON_JSON } from './daemon-json-probe.js';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

// /proc/<pid>/limits rows, by the names `ulimit`, dockerd's default-ulimits and prlimit use.
const LIMIT_NAMES: Record<string, string> = {
  'Max cpu time': 'cpu',
  'Max file size': 'fsize',
  'Max data size': 'data',
  'Max stack size': 'stack',
  'Max core file size': 'core',
  'Max resident set': 'rss',
  'Max processes': 'nproc',
  'Max open files': 'nofile',
  'Max locked memory': 'memlock',
  'Max address space': 'as',
  'Max file locks': 'locks',
  'Max pending signals': 'sigpending',
  'Max msgqueue size': 'msgqueue',
  'Max nice priority': 'nice',
  'Max realtime priority': 'rtprio',
  'Max realtime timeout': 'rttime',
};

export type DockerdDetails = Pick<DockerdProcessFacts, 'uid' | 'limits' | 'capabilities' | 'rootless' | 'defaultConfigFile'> & {
  /** Where this dockerd listens when neither -H nor "hosts" says: unix:///var/run/docker.sock, or $XDG_RUNTIME_DIR/docker.sock rootless. */
  defaultHost: string;
};

export async function readDockerdDetails(pid: number, argv: readonly string[], host: HostReader = localHostReader('/')): Promise<DockerdDetails> {
  const [status, limits, environ] = await Promise.all([
    host.readProc(`/proc/${pid}/status`).catch(() => ''),
    host.readProc(`/proc/${pid}/limits`).catch(() => ''),
    host.readProc(`/proc/${pid}/environ`).catch(() => ''),
  ]);
  const env = parseEnviron(environ);
  const uid = statusField(status, 'Uid')?.split(/\s+/)[0];
  const [effective, permitted, bounding] = ['CapEff', 'CapPrm', 'CapBnd'].map((f) => statusField(status, f));
  // Rootless dockerd is root only inside its user namespace; from here its uid is the user's.
  const rootless = (uid !== undefined && uid !== '0') || argv.includes('--rootless') || env.ROOTLESSKIT_STATE_DIR !== undefined;
  const home = env.HOME;
  const configHome = env.XDG_CONFIG_HOME || (home ? path.join(home, '.config') : undefined);
  return {
    ...(uid !== undefined ? { uid: Number(uid) } : {}),
    ...(limits ? { limits: parseLimits(limits) } : {}),
    ...(effective && permitted && bounding ? { capabilities: { effective, permitted, bounding } } : {}),
    rootless,
    defaultConfigFile: rootless && configHome ? path.join(configHome, 'docker', 'daemon.json') : DEFAULT_DAEMON_JSON,
    defaultHost: rootless && env.XDG_RUNTIME_DIR ? `unix://${path.join(env.XDG_RUNTIME_DIR, 'docker.sock')}` : `unix://${DEFAULT_SOCKET}`,
  };
}

/** /proc/<pid>/limits as {name: {soft, hard}}; "unlimited" is null. */
export function parseLimits(text: string): NonNullable<DockerdProcessFacts['limits']> {
  const out: NonNullable<DockerdProcessFacts['limits']> = {};
  for (const line of text.split('\n')) {
    const m = /^(Max [a-z ]+?)\s{2,}(\S+)\s+(\S+)/.exec(line);
    const name = m && LIMIT_NAMES[m[1]];
    if (!name) continue;
    const value = (v: string) => (v === 'unlimited' ? null : Number(v));
    out[name] = { soft: value(m[2]), hard: value(m[3]) };
  }
  return out;
}

export function parseEnviron(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of text.split('\0')) {
    const i = entry.indexOf('=');
    if (i > 0) env[entry.slice(0, i)] = entry.slice(i + 1);
  }
  return env;
}

function statusField(status: string, name: string): string | undefined {
  return new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(status)?.[1].trim();
}
