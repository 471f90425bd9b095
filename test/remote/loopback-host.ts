// A whole Docker host on a loopback address, for fleet tests and the fleet benchmark: its own
// mount and PID namespaces (so its /etc/docker, /etc/default/docker, /run, /root and
// /var/lib/docker are its own, and its process table holds only its dockerd), a dockerd started with no flags
// that reads /etc/docker/daemon.json and listens on /var/run/docker.sock as a packaged one does,
// in its own network namespace (its docker0 and iptables rules touch nothing outside), and an
// sshd on the address that logs into that world. Nothing of the machine's own tree is written:
// every path the host changes is bind-mounted from its directory inside the namespace.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startSshd, type LoopbackSshd } from './loopback-sshd.js';

/** What makes one test host differ from another. */
export interface HostConfig {
  /** /etc/docker/daemon.json, and its mode. */
  daemonJson: Record<string, unknown>;
  daemonJsonMode: number;
  /** Mode of /etc/default/docker (its text is the machine's own). */
  defaultDockerMode: number;
}

/** A host as a package leaves it, with a debug log level and group-writable files. */
export const AS_INSTALLED: HostConfig = { daemonJson: { 'log-level': 'debug' }, daemonJsonMode: 0o664, defaultDockerMode: 0o666 };

/** A host someone hardened by hand: the daemon settings of CIS 2.2, 2.3, 2.15, 2.16, 2.17, and tight modes. */
export const HARDENED: HostConfig = {
  daemonJson: { icc: false, 'log-level': 'info', 'live-restore': true, 'no-new-privileges': true, 'userland-proxy': false },
  daemonJsonMode: 0o644,
  defaultDockerMode: 0o644,
};

export interface LoopbackHost {
  /** The inventory name. */
  name: string;
  config: HostConfig;
  dir: string;
  sshd: LoopbackSshd;
  /** The host's engine socket as reached from outside its namespace (for docker CLI set-up in tests). */
  engineHost: string;
  /** Ansible connection variables for this host, as an inventory gives them. */
  inventoryVars: Record<string, string>;
  /** CPU time (ms) the host's processes have used so far, exited ones included (in their reapers' child times). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Runs as PID 1's child in the new namespaces: mounts the host's own files, then runs dockerd until TERM. */
const INIT = `set -e
T=$1
# /etc over the machine's, so that a missing /etc/docker or /etc/default/docker can be made here.
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$T/etc,workdir=$T/etc-work" /etc
mkdir -p /etc/docker /etc/default
touch /etc/default/docker
mount --bind "$T/etc-docker" /etc/docker
mount --bind "$T/default-docker" /etc/default/docker
mount --bind "$T/run" /run
# Its own /root: a login there runs none of the machine's shell start-up files (which may take seconds per session).
mount --bind "$T/root" /root
mount -t overlay overlay -o "lowerdir=/var/lib,upperdir=$T/var-lib,workdir=$T/var-lib-work" /var/lib
mkdir -p /var/lib/docker
mount --bind "$T/data" /var/lib/docker
trap 'kill -TERM $dockerd 2>/dev/null; wait $dockerd; exit 0' TERM
unshare --net dockerd >"$T/dockerd.log" 2>&1 &
dockerd=$!
wait $dockerd
`;

export async function startLoopbackHost(name: string, address: string, port: number, config: HostConfig): Promise<LoopbackHost> {
  const dir = mkdtempSync('/tmp/dh-host-');
  for (const sub of ['etc', 'etc-work', 'etc-docker', 'run/sshd', 'root', 'var-lib', 'var-lib-work', 'data'])
    mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(path.join(dir, 'etc-docker', 'daemon.json'), `${JSON.stringify(config.daemonJson, null, 2)}\n`);
  chmodSync(path.join(dir, 'etc-docker', 'daemon.json'), config.daemonJsonMode);
  if (existsSync('/etc/default/docker')) copyFileSync('/etc/default/docker', path.join(dir, 'default-docker'));
  else writeFileSync(path.join(dir, 'default-docker'), '');
  chmodSync(path.join(dir, 'default-docker'), config.defaultDockerMode);
  chmodSync(path.join(dir, 'root'), 0o700);
  writeFileSync(path.join(dir, 'init.sh'), INIT);

  // tini is PID 1 of the namespace: it reaps orphans and passes TERM on to the init script.
  const ns: ChildProcess = spawn(
    'unshare',
    ['--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--mount-proc', 'tini', '--', 'sh', path.join(dir, 'init.sh'), dir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let nsLog = '';
  ns.stderr!.on('data', (c: Buffer) => (nsLog += c.toString()));
  let exited = false;
  const gone = new Promise<void>((resolve) => ns.on('exit', () => ((exited = true), resolve())));
  const socket = path.join(dir, 'run', 'docker.sock');
  let sshd: LoopbackSshd | undefined;
  let init = 0;
  const stop = async () => {
    if (!exited) init ? process.kill(init, 'SIGTERM') : ns.kill('SIGTERM'); // --kill-child: unshare's end ends tini
    await Promise.race([gone, new Promise((r) => setTimeout(r, 20_000))]);
    // Killing PID 1 of the namespace ends every process left in it (sshd and its sessions too).
    if (!exited && init) process.kill(init, 'SIGKILL');
    await gone;
    sshd?.stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    if (
      !(await waitFor(
        () => ping(socket),
        () => exited,
        30_000,
      ))
    )
      throw new Error(`the dockerd of test host ${name} did not answer: ${tail(dir, nsLog)}`);
    init = childOf(ns.pid!);
    sshd = await startSshd(address, port, { wrapper: ['nsenter', '--target', String(init), '--mount', '--pid', '--'] });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    name,
    config,
    dir,
    sshd,
    engineHost: `unix://${socket}`,
    inventoryVars: {
      ansible_host: address,
      ansible_port: String(port),
      ansible_user: 'root',
      ansible_ssh_private_key_file: sshd.key,
      ansible_ssh_common_args: `-o UserKnownHostsFile=${sshd.knownHosts} -o GlobalKnownHostsFile=/dev/null -o IdentitiesOnly=yes`,
    },
    cpuMs: () => namespaceCpuMs(init),
    stop,
  };
}

/** An INI inventory of the hosts in one group, each with its connection variables. */
export function inventoryIni(hosts: LoopbackHost[], group = 'docker_hosts'): string {
  const line = (h: LoopbackHost) => [h.name, ...Object.entries(h.inventoryVars).map(([k, v]) => (/\s/.test(v) ? `${k}='${v}'` : `${k}=${v}`))].join(' ');
  return `[${group}]\n${hosts.map(line).join('\n')}\n`;
}

/** The pid (in this namespace) of the single child of `pid`: unshare --fork's child, tini. */
function childOf(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  if (children.length !== 1 || !children[0]) throw new Error(`expected one child of unshare (pid ${pid}), found: ${children.join(' ')}`);
  return children[0];
}

/** Clock ticks of every process in the PID namespace of `init`: utime, stime, cutime and cstime (/proc/<pid>/stat). */
function namespaceCpuMs(init: number): number {
  const ns = readlinkSync(`/proc/${init}/ns/pid`);
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readlinkSync(`/proc/${pid}/ns/pid`) !== ns) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0);
    } catch {
      /* exited meanwhile: its time is now its reaper's */
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: '/_ping', timeout: 1000 }, (res) => (res.resume(), resolve(res.statusCode === 200)));
    req.on('error', () => resolve(false));
    req.on('timeout', () => (req.destroy(), resolve(false)));
  });
}

async function waitFor(ok: () => Promise<boolean>, gone: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone()) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function tail(dir: string, nsLog: string): string {
  let log = nsLog;
  try {
    log += readFileSync(path.join(dir, 'dockerd.log'), 'utf8');
  } catch {
    /* dockerd never started */
  }
  return log.trim().split('\n').slice(-3).join(' | ');
}
