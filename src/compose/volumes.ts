// Compose `volumes:` entries of a service: short (`SRC:DST[:OPTS]`, or `DST` for an anonymous
// volume) and long (`{type, source, target, read_only}`). Host paths are told from named volumes
// the way Compose does it: a source starting with `/`, `.` or `~` is a path.
import path from 'node:path';

export interface VolumeSpec {
  kind: 'bind' | 'volume' | 'other';
  /** Absolute host path for binds (relative ones resolved against the project directory). */
  source: string | null;
  target: string;
  readOnly: boolean;
}

const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function volumeTarget(entry: unknown): string {
  if (isMap(entry)) return String(entry.target ?? '');
  const parts = String(entry).split(':');
  return parts.length === 1 ? parts[0] : parts[1];
}

function hostPath(source: string, projectDir: string | null): string | null {
  if (source.startsWith('/')) return path.posix.normalize(source).replace(/(.)\/+$/, '$1');
  // `~` needs the user's home, which the facts do not hold: such a path is never judged sensitive.
  if (source.startsWith('.') && projectDir) return path.posix.resolve(projectDir, source);
  return null;
}

export function parseVolume(entry: unknown, projectDir: string | null): VolumeSpec | null {
  if (isMap(entry)) {
    const type = String(entry.type ?? 'volume');
    const source = typeof entry.source === 'string' ? entry.source : '';
    const kind = type === 'bind' ? 'bind' : type === 'volume' ? 'volume' : 'other';
    return { kind, source: kind === 'bind' ? hostPath(source, projectDir) : null, target: String(entry.target ?? ''), readOnly: entry.read_only === true };
  }
  if (typeof entry !== 'string') return null;
  const parts = entry.split(':');
  if (parts.length === 1) return { kind: 'volume', source: null, target: parts[0], readOnly: false };
  const opts = (parts[2] ?? '').split(',');
  const isPath = /^[/.~]/.test(parts[0]);
  return { kind: isPath ? 'bind' : 'volume', source: isPath ? hostPath(parts[0], projectDir) : null, target: parts[1], readOnly: opts.includes('ro') };
}

/** The same mount, read-only, written in the syntax it came in. */
export function readOnlyVolume(entry: unknown): unknown {
  if (isMap(entry)) return { ...entry, read_only: true };
  const [src, dst, opts = ''] = String(entry).split(':');
  const rest = opts.split(',').filter((o) => o !== '' && o !== 'rw' && o !== 'ro');
  return `${src}:${dst}:${['ro', ...rest].join(',')}`;
}

/** A bind of the Docker socket itself (any *docker.sock path, or one the daemon listens on). */
export function isDockerSocketBind(v: VolumeSpec, daemonSockets: ReadonlySet<string>): boolean {
  return v.kind === 'bind' && v.source !== null && (v.source.endsWith('/docker.sock') || daemonSockets.has(v.source));
}

/** A bind of a directory that holds the socket: removing it is a decision for a person. */
export function isSocketDirectoryBind(v: VolumeSpec): boolean {
  return v.kind === 'bind' && v.source !== null && ['/', '/run', '/var/run'].includes(v.source);
}
