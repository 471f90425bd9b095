// Bind mounts and published ports of a container, gathered from every place inspect data keeps
// them: the live view (Mounts, NetworkSettings.Ports) and the requested one (HostConfig), so a
// stopped container is judged on what it will get when it starts.
import path from 'node:path';
import type { ContainerView } from './support.js';

export interface BindMount {
  source: string;
  destination: string;
  rw: boolean;
  /** "" when not set (the engine default, rprivate). */
  propagation: string;
  /** Where it was read, for evidence: "Mounts", "HostConfig.Binds" or "HostConfig.Mounts". */
  origin: string;
}

const PROPAGATIONS = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

export function normalizeHostPath(p: string): string {
  const n = path.posix.normalize(p);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

export function bindMounts(c: ContainerView): BindMount[] {
  const out: BindMount[] = [];
  const seen = new Set<string>();
  const add = (m: BindMount) => {
    const key = `${m.source}\0${m.destination}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(m);
  };
  for (const m of (c.raw.Mounts ?? []) as any[]) {
    if (m?.Type !== 'bind' || typeof m.Source !== 'string') continue;
    add({
      source: normalizeHostPath(m.Source),
      destination: String(m.Destination ?? ''),
      rw: m.RW !== false,
      propagation: String(m.Propagation ?? ''),
      origin: 'Mounts',
    });
  }
  for (const spec of (c.hostConfig.Binds ?? []) as unknown[]) {
    const parts = String(spec).split(':');
    // Named volumes ("data:/data") are not host paths.
    if (parts.length < 2 || !parts[0].startsWith('/')) continue;
    const opts = (parts[2] ?? '').split(',');
    add({
      source: normalizeHostPath(parts[0]),
      destination: parts[1],
      rw: !opts.includes('ro'),
      propagation: opts.find((o) => PROPAGATIONS.has(o)) ?? '',
      origin: 'HostConfig.Binds',
    });
  }
  for (const m of (c.hostConfig.Mounts ?? []) as any[]) {
    if (m?.Type !== 'bind' || typeof m.Source !== 'string') continue;
    add({
      source: normalizeHostPath(m.Source),
      destination: String(m.Target ?? ''),
      rw: m.ReadOnly !== true,
      propagation: String(m.BindOptions?.Propagation ?? ''),
      origin: 'HostConfig.Mounts',
    });
  }
  return out;
}

export function describeMount(m: BindMount): string {
  // rprivate is the engine default; naming it on every mount would only add noise.
  const prop = m.propagation && m.propagation !== 'rprivate' ? `, propagation ${m.propagation}` : '';
  return `${m.origin}: ${m.source} -> ${m.destination} (${m.rw ? 'rw' : 'ro'}${prop})`;
}

export interface PortBinding {
  /** "80/tcp" */
  containerPort: string;
  /** As the engine reports it: "", "0.0.0.0", "::", "127.0.0.1", ... */
  hostIp: string;
  /** "" when the engine picks a port. */
  hostPort: string;
  origin: string;
}

export function publishedPorts(c: ContainerView): PortBinding[] {
  const out: PortBinding[] = [];
  const seen = new Set<string>();
  const sources: [string, Record<string, any[] | null> | undefined][] = [
    ['HostConfig.PortBindings', c.hostConfig.PortBindings],
    ['NetworkSettings.Ports', c.raw.NetworkSettings?.Ports],
  ];
  for (const [origin, map] of sources) {
    for (const [containerPort, bindings] of Object.entries(map ?? {})) {
      for (const b of bindings ?? []) {
        const hostIp = String(b?.HostIp ?? '');
        const hostPort = String(b?.HostPort ?? '');
        const key = `${containerPort}|${stripBrackets(hostIp)}|${hostPort}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ containerPort, hostIp, hostPort, origin });
      }
    }
  }
  return out;
}

function stripBrackets(ip: string): string {
  return ip.replace(/^\[(.*)\]$/, '$1');
}

/** An empty host IP, 0.0.0.0 or :: listens on every interface of the host. */
export function isWildcardIp(ip: string): boolean {
  return ['', '0.0.0.0', '::', '0:0:0:0:0:0:0:0'].includes(stripBrackets(ip.trim()));
}

export function formatHostIp(ip: string): string {
  const bare = stripBrackets(ip);
  return bare.includes(':') ? `[${bare}]` : bare;
}

export function describePort(p: PortBinding): string {
  const ip = p.hostIp === '' ? '(all interfaces)' : formatHostIp(p.hostIp);
  return `${p.origin}: ${ip}:${p.hostPort || '(engine-chosen)'} -> ${p.containerPort}`;
}

/** The first port of "8080" or "8080-8090"; NaN when the engine picks the port. */
export function hostPortNumber(p: PortBinding): number {
  return p.hostPort === '' ? Number.NaN : Number.parseInt(p.hostPort, 10);
}
