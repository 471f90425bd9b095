// Where this host keeps Docker's files, taken from the facts before falling back to the packaged
// defaults: CIS names /usr/bin/dockerd or /var/run/docker.sock, but hosts differ (Debian's docker.io
// ships /usr/sbin/dockerd, data roots move, sockets are configured with -H).
import type { FileStat, HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import { effectiveValues } from '../../facts/systemd-unit.js';
import { normalizeAuditPath } from '../../facts/audit-rule-parser.js';

export interface HostPath {
  path: string;
  /** Where the path came from, for evidence ("docker info DockerRootDir", "-H unix:///run/docker.sock"). */
  source: string;
}

/** The stat facts for a path, trying /run and /var/run spellings; the key found is returned with it. */
export function fileStat(facts: HostFacts, path: string): { key: string; stat: FileStat } | undefined {
  const spellings = [path, normalizeAuditPath(path), path.replace(/^\/run(?=\/|$)/, '/var/run')];
  for (const key of spellings) {
    const stat = facts.files[key];
    if (stat) return { key, stat };
  }
  return undefined;
}

/**
 * Whether a path exists as far as the facts tell: its stat, else files the probes read (a unit,
 * daemon.json, an environment file). undefined when nothing was seen either way.
 */
export function pathExists(facts: HostFacts, path: string): boolean | undefined {
  if (path === '/') return true;
  const found = fileStat(facts, path);
  if (found && !found.stat.error) return found.stat.exists;
  if (facts.systemd.service?.path === path || facts.systemd.socket?.path === path) return true;
  if (facts.daemonJson.path === path && facts.daemonJson.raw !== null) return true;
  if (typeof facts.envFiles[path] === 'string') return true;
  return undefined;
}

export function parentDir(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function dataRoot(facts: HostFacts): HostPath {
  const info = facts.engine?.info?.DockerRootDir;
  if (typeof info === 'string' && info !== '') return { path: info, source: `docker info DockerRootDir ${info}` };
  const cfg = effectiveConfig(facts);
  const opt = cfg.get('data-root') ?? cfg.get('graph');
  if (opt && typeof opt.value === 'string') return { path: opt.value, source: opt.evidence };
  return { path: '/var/lib/docker', source: 'default data root /var/lib/docker' };
}

export function dockerdPath(facts: HostFacts): HostPath {
  // /proc/PID/exe reads "... (deleted)" after a package upgrade replaced the binary.
  const exe = facts.dockerd?.exe.replace(/ \(deleted\)$/, '');
  if (exe) return { path: exe, source: `running dockerd (pid ${facts.dockerd!.pid}) executable ${exe}` };
  const unit = facts.systemd.service;
  const exec = unit
    ? effectiveValues(unit, 'Service', 'ExecStart')
        .at(-1)
        ?.replace(/^[-@:+!]+/, '')
    : undefined;
  const first = exec?.trim().split(/\s+/)[0];
  if (first?.startsWith('/')) return { path: first, source: `${unit!.path} ExecStart=${first}` };
  return { path: '/usr/bin/dockerd', source: 'default dockerd path /usr/bin/dockerd' };
}

/** Unix socket paths a socket unit listens on (ListenStream= values that are paths). */
export function socketUnitPaths(facts: HostFacts): string[] {
  const unit = facts.systemd.socket;
  if (!unit) return [];
  return effectiveValues(unit, 'Socket', 'ListenStream').filter((v) => v.startsWith('/'));
}

/** The unix sockets the Docker engine serves its API on. */
export function dockerSockets(facts: HostFacts): HostPath[] {
  const out: HostPath[] = [];
  const add = (path: string, source: string) => {
    if (!out.some((p) => normalizeAuditPath(p.path) === normalizeAuditPath(path))) out.push({ path, source });
  };
  const hosts = effectiveConfig(facts).get('hosts');
  const list = hosts ? (Array.isArray(hosts.value) ? hosts.value : [hosts.value]).map(String) : [];
  for (const h of list) {
    if (h.startsWith('unix://')) add(h.slice('unix://'.length), hosts!.evidence);
    else if (h.startsWith('fd://')) {
      for (const p of socketUnitPaths(facts)) add(p, `${hosts!.evidence} with ${facts.systemd.socket!.path} ListenStream=${p}`);
    }
  }
  // fd:// without a docker.socket unit in the facts names no path: fall back like an unset -H.
  if (out.length > 0) return out;
  const engineHost = facts.engine?.host;
  if (engineHost?.startsWith('unix://')) add(engineHost.slice('unix://'.length), `engine endpoint ${engineHost}`);
  for (const p of socketUnitPaths(facts)) add(p, `${facts.systemd.socket!.path} ListenStream=${p}`);
  if (out.length === 0) add('/var/run/docker.sock', 'default socket /var/run/docker.sock');
  return out;
}

/**
 * containerd's gRPC socket as dockerd uses it: the one its own containerd serves (dockerd 20.10
 * starts one under its exec-root when not given --containerd), else --containerd, else the default.
 */
export function containerdSocket(facts: HostFacts): HostPath {
  const own = facts.containerd;
  if (own) {
    const how = {
      'command-line': 'its --address',
      config: `[grpc] address in ${own.configPath}`,
      'listening-socket': 'the socket it listens on',
      default: "containerd's default",
    }[own.source];
    return { path: own.socket, source: `containerd pid ${own.pid} started by dockerd, ${how}` };
  }
  const opt = effectiveConfig(facts).get('containerd');
  if (opt && typeof opt.value === 'string' && opt.value !== '') return { path: opt.value.replace(/^unix:\/\//, ''), source: opt.evidence };
  return { path: '/run/containerd/containerd.sock', source: 'default containerd socket /run/containerd/containerd.sock' };
}

/** Where a Docker/containerd binary is installed: every usual directory where the facts see it, else CIS's /usr/bin path. */
export function binaryPaths(facts: HostFacts, name: string): HostPath[] {
  const dirs = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin', parentDir(dockerdPath(facts).path)];
  const present = [...new Set(dirs)].map((d) => `${d}/${name}`).filter((p) => pathExists(facts, p) === true);
  if (present.length > 0) return present.map((path) => ({ path, source: `${path} exists on this host` }));
  return [{ path: `/usr/bin/${name}`, source: `CIS path /usr/bin/${name}` }];
}
