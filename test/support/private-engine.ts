// A private dockerd for tests and benchmarks: its own data-root, exec-root, pidfile, socket,
// config file and containerd namespace, no default bridge and no iptables, so it never disturbs
// a Docker that already runs on the machine. Stopped by its own pid.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, existsSync, copyFileSync, symlinkSync, openSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';

export interface PrivateEngine {
  dir: string;
  socket: string;
  host: string;
  pid: number;
  image: string;
  dockerdPath: string;
}

export const TEST_IMAGE = 'local/busybox:1';

export function findExecutable(name: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export interface PrivateEngineOptions {
  /** More dockerd flags, e.g. ['--insecure-registry', '10.1.2.3:5000'] for a daemon a test audits. */
  extraArgs?: string[];
  /** Contents of the engine's --config-file (default: {}); a string is written as it is. */
  daemonJson?: Record<string, unknown> | string;
  /** Import the busybox test image (default: true); a daemon only probed for its flags skips it. */
  importImage?: boolean;
  /** Start in this directory of an engine stopped with { keepDir: true }: a restart with the same data. */
  dir?: string;
  /** A command that execs dockerd with its own limits, e.g. ['prlimit', '--nofile=20000:20000', '--']. */
  wrapper?: string[];
}

/** dockerd exited before answering (e.g. it refused its daemon.json); `log` is its output. */
export class EngineExitError extends Error {
  constructor(
    readonly exitCode: number,
    readonly log: string,
  ) {
    super(`private dockerd exited with code ${exitCode}: ${log.trim().split('\n').slice(-3).join(' | ')}`);
    this.name = 'EngineExitError';
  }
}

export async function startPrivateEngine(opts: PrivateEngineOptions = {}): Promise<PrivateEngine | null> {
  const dockerdPath = findExecutable('dockerd');
  if (!dockerdPath) return null;
  const dir = opts.dir ?? mkdtempSync('/tmp/dh-engine-');
  const socket = path.join(dir, 'docker.sock');
  // A --config-file among extraArgs is the one the test wants dockerd to read; dockerd takes one only.
  const ownConfig = !(opts.extraArgs ?? []).some((a) => a === '--config-file' || a.startsWith('--config-file='));
  if (ownConfig)
    writeFileSync(path.join(dir, 'daemon.json'), typeof opts.daemonJson === 'string' ? opts.daemonJson : `${JSON.stringify(opts.daemonJson ?? {})}\n`);
  const log = openSync(path.join(dir, 'dockerd.log'), 'a');
  const ns = `dh-test-${path.basename(dir).slice(-6)}`;
  const [command, ...prefix] = [...(opts.wrapper ?? []), dockerdPath];
  const child = spawn(
    command,
    [
      ...prefix,
      '--data-root',
      path.join(dir, 'data'),
      '--exec-root',
      path.join(dir, 'exec'),
      '--pidfile',
      path.join(dir, 'docker.pid'),
      '-H',
      `unix://${socket}`,
      ...(ownConfig ? ['--config-file', path.join(dir, 'daemon.json')] : []),
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      '--containerd-namespace',
      ns,
      '--containerd-plugins-namespace',
      `${ns}-plugins`,
      ...(opts.extraArgs ?? []),
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  let exitCode: number | null = null;
  child.on('exit', (code) => {
    exitCode = code ?? 128;
  });
  child.unref();
  const engine: PrivateEngine = { dir, socket, host: `unix://${socket}`, pid: child.pid!, image: TEST_IMAGE, dockerdPath };
  if (!(await waitForPing(socket, 30_000, () => exitCode !== null))) {
    // A daemon that refuses its configuration exits at once: report why instead of waiting.
    const logText = readFileSync(path.join(dir, 'dockerd.log'), 'utf8');
    await stopPrivateEngine(engine, { keepDir: opts.dir !== undefined });
    if (exitCode !== null) throw new EngineExitError(exitCode, logText);
    throw new Error(`private dockerd did not answer within 30 s; log: ${path.join(dir, 'dockerd.log')}`);
  }
  try {
    if (opts.importImage !== false && opts.dir === undefined) importBusybox(engine);
  } catch (err) {
    await stopPrivateEngine(engine);
    throw err;
  }
  return engine;
}

/** Stop dockerd by its pid; { keepDir: true } keeps its directory for a restart (startPrivateEngine({ dir })). */
export async function stopPrivateEngine(engine: PrivateEngine, opts: { keepDir?: boolean } = {}): Promise<void> {
  let pid = engine.pid;
  try {
    pid = Number(readFileSync(path.join(engine.dir, 'docker.pid'), 'utf8')) || pid;
  } catch {
    /* not written yet */
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  for (let i = 0; i < 150 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  unmountUnder(engine.dir);
  if (!opts.keepDir) rmSync(engine.dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * dockerd 20.10 leaves exec-root/netns/default mounted once a container used the host network;
 * rm would then fail with EBUSY. Only mounts inside the engine's own directory are touched.
 */
function unmountUnder(dir: string): void {
  let mounts: string[];
  try {
    mounts = readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[1] ?? '')
      .map((p) => p.replace(/\\(\d{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8))));
  } catch {
    return;
  }
  for (const mountPoint of mounts
    .filter((p) => p.startsWith(`${dir}/`))
    .sort()
    .reverse()) {
    try {
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
  }
}

/** Run the docker CLI against the private engine. */
export function docker(engine: PrivateEngine, args: string[], input?: string | Buffer): string {
  return execFileSync('docker', args, {
    env: { ...process.env, DOCKER_HOST: engine.host },
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  }).trim();
}

function importBusybox(engine: PrivateEngine): void {
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find(existsSync);
  if (!busybox) throw new Error('busybox-static is not installed (apt-get install busybox-static)');
  const rootfs = path.join(engine.dir, 'rootfs');
  mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
  mkdirSync(path.join(rootfs, 'tmp'), { recursive: true });
  copyFileSync(busybox, path.join(rootfs, 'bin', 'busybox'));
  for (const applet of [
    'sh',
    'sleep',
    'ls',
    'cat',
    'id',
    'httpd',
    'true',
    'find',
    'wget',
    'echo',
    'chmod',
    'adduser',
    'addgroup',
    'mkdir',
    'touch',
    'rm',
    'nc',
    'ps',
  ]) {
    symlinkSync('busybox', path.join(rootfs, 'bin', applet));
  }
  const tar = execFileSync('tar', ['-C', rootfs, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
  docker(engine, ['import', '-c', 'CMD ["sh"]', '-', TEST_IMAGE], tar);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForPing(socket: string, timeoutMs: number, gone: () => boolean = () => false): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone()) {
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get({ socketPath: socket, path: '/_ping', timeout: 1000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => {
        req.destroy();
        resolve(false);
      });
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
