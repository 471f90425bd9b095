// Published-port entries, short (`[HOST_IP:][HOST_PORT:]CONTAINER[/PROTO]`, or a bare number) and
// long (`{target, published, host_ip, protocol}`), as Compose `ports:` and `docker run -p` write
// them, read and re-pointed at a host address.

export interface PortSpec {
  hostIp: string | null;
  published: string | null;
  target: string;
  protocol: string | null;
}

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function parsePort(entry: unknown): PortSpec | null {
  if (typeof entry === 'number') return { hostIp: null, published: null, target: String(entry), protocol: null };
  if (isMap(entry)) {
    if (entry.target === undefined) return null;
    const str = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));
    return { hostIp: str(entry.host_ip), published: str(entry.published), target: String(entry.target), protocol: str(entry.protocol) };
  }
  if (typeof entry !== 'string') return null;
  let text = entry.trim();
  let protocol: string | null = null;
  const slash = text.lastIndexOf('/');
  if (slash > 0) {
    protocol = text.slice(slash + 1);
    text = text.slice(0, slash);
  }
  let hostIp: string | null = null;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(text);
  if (bracket) {
    hostIp = bracket[1];
    text = bracket[2];
  }
  const parts = text.split(':');
  if (!bracket && parts.length > 3) {
    // An IPv6 address written without brackets: the last two fields are the ports.
    hostIp = parts.slice(0, -2).join(':');
    return { hostIp, published: parts.at(-2) || null, target: parts.at(-1)!, protocol };
  }
  if (parts.length === 3) return { hostIp: parts[0] || null, published: parts[1] || null, target: parts[2], protocol };
  if (parts.length === 2) return { hostIp, published: parts[0] || null, target: parts[1], protocol };
  return { hostIp, published: null, target: parts[0], protocol };
}

/** No host address, 0.0.0.0 or :: listens on every interface. */
export function isWildcardHost(ip: string | null): boolean {
  return ip === null || ['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0'].includes(ip.trim());
}

/** True where the text holds ${VAR} interpolation, which only Compose can resolve. */
export const interpolated = (entry: unknown): boolean => JSON.stringify(entry ?? '').includes('${');

export function formatIp(ip: string): string {
  return ip.includes(':') && !ip.startsWith('[') ? `[${ip}]` : ip;
}

/**
 * The entry bound to hostIp, in the syntax it was written in where the Compose version reads
 * host_ip in long syntax (v2); docker-compose 1.x rejects host_ip ("unsupported option"), so
 * there, and where the version is unknown, a long entry becomes short syntax.
 */
export function rebindPort(entry: unknown, hostIp: string, longHostIp = false): unknown {
  if (isMap(entry) && longHostIp) return { ...entry, host_ip: hostIp };
  const p = parsePort(entry)!;
  return `${formatIp(hostIp)}:${p.published ?? ''}:${p.target}${p.protocol ? `/${p.protocol}` : ''}`;
}

/** The first container port of "80", "8080-8081" or a long entry; NaN when unreadable. */
export function containerPortNumber(spec: PortSpec): number {
  return Number.parseInt(spec.target, 10);
}

export function describePortEntry(entry: unknown): string {
  return typeof entry === 'string' ? entry : JSON.stringify(entry);
}
