// Bind mounts and published ports of a container, gathered from every place inspect data keeps
// them: the live view (Mounts, NetworkSettings.Ports) and the requested one (HostConfig), so a
// stopped container is judged on what it will get when it starts.
import path from 'node:path';
import type { EngineObject } from './host-facts.js';

export interface BindMount {
  source: string;
  destination: string;
  rw: boolean;
  /** "" when not set (the engine default, rprivate). */
  propagation: string;
  /** Where it was read, for evidence: "Mounts", "HostConfig.Binds", "HostConfig.Mounts" or "volumes". */
  origin: string;
}

export interface PortBinding {
  /** "80/tcp" from the engine; "80" or "80/udp" as a Compose entry writes it. */
  containerPort: string;
  /** As the engine reports it: "", "0.0.0.0", "::", "127.0.0.1", ... */
  hostIp: string;
  /** "" when the engine picks a port. */
  hostPort: string;
  origin: string;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const record = (v: unknown): EngineObject => (v && typeof v === 'object' && !Array.isArray(v) ? (v as EngineObject) : {});
export const PROPAGATIONS = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

export function normalizeHostPath(p: string): string {
  const n = path.posix.normalize(p);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

const list = (v: unknown): EngineObject[] => (Array.isArray(v) ? v.map(record) : []);

/** Live and requested bind mounts, each once; named volumes ("data:/data") are not host paths. */
export function bindMounts(raw: EngineObject, host: EngineObject): BindMount[] {
  const binds = (host.Binds ?? []) as unknown[];
  const found: BindMount[] = [
    ...list(raw.Mounts).map((m) => mountOf(m, 'Mounts', m.Destination, m.RW !== false, m.Propagation)),
    ...binds
      .map((b) => String(b).split(':'))
      .flatMap((parts) => {
        if (parts.length < 2 || !parts[0].startsWith('/')) return [];
        const opts = (parts[2] ?? '').split(',');
        return [
          mountOf(
            { Type: 'bind', Source: parts[0] },
            'HostConfig.Binds',
            parts[1],
            !opts.includes('ro'),
            opts.find((o) => PROPAGATIONS.has(o)),
          ),
        ];
      }),
    ...list(host.Mounts).map((m) => mountOf(m, 'HostConfig.Mounts', m.Target, m.ReadOnly !== true, record(m.BindOptions).Propagation)),
  ].filter((m): m is BindMount => m !== null);
  const seen = new Set<string>();
  return found.filter((m) => {
    const key = `${m.source}\0${m.destination}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function mountOf(m: EngineObject, origin: string, destination: unknown, rw: boolean, propagation: unknown): BindMount | null {
  if (m.Type !== 'bind' || typeof m.Source !== 'string') return null;
  return { source: normalizeHostPath(m.Source), destination: text(destination), rw, propagation: text(propagation), origin };
}

const stripBrackets = (ip: string): string => ip.replace(/^\[(.*)\]$/, '$1');

/** Requested and live port bindings, each once (an IPv6 host IP with or without brackets is one). */
export function publishedPorts(raw: EngineObject, host: EngineObject): PortBinding[] {
  const out: PortBinding[] = [];
  const seen = new Set<string>();
  const sources: [string, unknown][] = [
    ['HostConfig.PortBindings', host.PortBindings],
    ['NetworkSettings.Ports', record(raw.NetworkSettings).Ports],
  ];
  for (const [origin, map] of sources) {
    for (const [containerPort, bindings] of Object.entries(record(map))) {
      for (const b of list(bindings)) {
        const hostIp = text(b.HostIp);
        const hostPort = text(b.HostPort);
        const key = `${containerPort}|${stripBrackets(hostIp)}|${hostPort}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ containerPort, hostIp, hostPort, origin });
      }
    }
  }
  return out;
}
