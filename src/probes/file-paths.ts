// Which host paths the file probe looks at: every path CIS section 1.1 (audit watches) and
// section 3 (owner and mode) names, with the host's real locations filled in where they vary.

/** Paths named literally by the benchmark (sockets and config files). */
export const FIXED_PATHS = [
  '/run/containerd',
  '/run/containerd/containerd.sock',
  '/etc/docker',
  '/etc/docker/certs.d',
  '/etc/docker/daemon.json',
  '/run/docker.sock',
  '/var/run/docker.sock',
  '/etc/default/docker',
  '/etc/sysconfig/docker',
  '/etc/containerd/config.toml',
];

/** Binaries CIS audits; packages put them in /usr/bin or /usr/sbin (Debian's runc, docker.io's dockerd). */
export const BINARIES = ['dockerd', 'containerd', 'containerd-shim', 'containerd-shim-runc-v1', 'containerd-shim-runc-v2', 'runc'];
export const BINARY_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];

export interface PathContext {
  /** The dockerd executable actually in use (running process, else the unit's ExecStart). */
  dockerdPaths: string[];
  /** The daemon's data root (info.DockerRootDir, else data-root, else /var/lib/docker). */
  dataRoot: string;
  /** The daemon.json the daemon reads. */
  daemonJsonPath: string;
  /** docker.service and docker.socket fragments and their drop-ins. */
  unitPaths: string[];
  /** Unix sockets the engine is reached on or listens on (endpoint, -H, ListenStream=, --containerd). */
  socketPaths: string[];
  /** The gRPC socket of the containerd dockerd started itself (under its exec-root), when one runs. */
  containerdSockets?: string[];
  /** tlscacert / tlscert / tlskey as configured, or dockerd's defaults when TLS is on. */
  tlsPaths: string[];
  /** tlscacert and tlscert of those: the certificates whose expiry is read (never the key). */
  tlsCertPaths?: string[];
}

export function cisPaths(ctx: PathContext): string[] {
  const binDirs = [...BINARY_DIRS, ...ctx.dockerdPaths.map(dirname)];
  const all = [
    ...FIXED_PATHS,
    ...binDirs.flatMap((dir) => BINARIES.map((name) => `${dir}/${name}`)),
    ...ctx.dockerdPaths,
    ctx.dataRoot,
    ctx.daemonJsonPath,
    ...ctx.unitPaths,
    ...ctx.socketPaths,
    ...(ctx.containerdSockets ?? []),
    ...ctx.tlsPaths,
  ];
  return [...new Set(all.filter((p) => p.startsWith('/')).map(normalize))].sort();
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function normalize(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** unix:// addresses among dockerd -H values or daemon.json "hosts". */
export function unixSockets(hosts: unknown): string[] {
  const list = Array.isArray(hosts) ? hosts : typeof hosts === 'string' ? [hosts] : [];
  return list.filter((h): h is string => typeof h === 'string' && h.startsWith('unix:///')).map((h) => h.slice('unix://'.length));
}
