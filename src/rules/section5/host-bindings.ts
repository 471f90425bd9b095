// How the items that read bind mounts and published ports (5.8, 5.14, 5.20, 5.32) describe them
// in evidence and advice. The mounts and ports themselves are read once: from inspect data by
// src/facts/container-bindings.ts and from a Compose service by src/compose/service-spec.ts.
import type { BindMount, PortBinding } from '../../facts/container-inspect.js';

export { normalizeHostPath } from '../../facts/container-bindings.js';

export function describeMount(m: BindMount): string {
  // rprivate is the engine default; naming it on every mount would only add noise.
  const prop = m.propagation && m.propagation !== 'rprivate' ? `, propagation ${m.propagation}` : '';
  return `${m.origin}: ${m.source} -> ${m.destination} (${m.rw ? 'rw' : 'ro'}${prop})`;
}

const stripBrackets = (ip: string): string => ip.replace(/^\[(.*)\]$/, '$1');

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

/** "80->80/tcp, 443->443/tcp": the host and container side of each binding, once. */
export const portPairs = (ports: readonly PortBinding[]): string => [...new Set(ports.map((p) => `${p.hostPort}->${p.containerPort}`))].join(', ');
