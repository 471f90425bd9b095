// A private sshd on a loopback address for the SSH tests: its own host key, a client key made
// for the test, and a known_hosts that holds exactly that host key, so host keys are checked as
// they are for any user. `sshBin` is an ssh that reads the test's config (as ~/.ssh/config would).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface LoopbackSshd {
  dir: string;
  address: string;
  port: number;
  key: string;
  knownHosts: string;
  /** A folder to put first on PATH: its `ssh` uses the test's key and known_hosts. */
  binDir: string;
  /** Options that do the same for a caller that passes them (Ansible's ansible_ssh_common_args). */
  commonArgs: string[];
  stop(): void;
}

export const SSHD = '/usr/sbin/sshd';
export const haveSshd = existsSync(SSHD) && process.getuid?.() === 0;

/** `wrapper`: a command that execs sshd elsewhere, e.g. nsenter into a test host's own namespaces. */
export async function startSshd(address = '127.0.0.2', port = 2222, opts: { wrapper?: string[] } = {}): Promise<LoopbackSshd> {
  const dir = mkdtempSync('/tmp/dh-sshd-');
  const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', file]);
  keygen(path.join(dir, 'host_key'));
  keygen(path.join(dir, 'client_key'));
  writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(path.join(dir, 'client_key.pub')));
  const hostPub = readFileSync(path.join(dir, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
  const knownHosts = path.join(dir, 'known_hosts');
  writeFileSync(knownHosts, `[${address}]:${port} ${hostPub}\n`);
  writeFileSync(
    path.join(dir, 'sshd_config'),
    [
      `ListenAddress ${address}:${port}`,
      `HostKey ${dir}/host_key`,
      `AuthorizedKeysFile ${dir}/authorized_keys`,
      `PidFile ${dir}/sshd.pid`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const [command, ...prefix] = [...(opts.wrapper ?? []), SSHD];
  const sshd: ChildProcess = spawn(command, [...prefix, '-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  sshd.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  await waitForPort(address, port, () => log);
  const commonArgs = [
    '-o',
    `UserKnownHostsFile=${knownHosts}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'IdentitiesOnly=yes',
    '-i',
    path.join(dir, 'client_key'),
  ];
  const config = path.join(dir, 'ssh_config');
  writeFileSync(
    config,
    `Host *\n  UserKnownHostsFile ${knownHosts}\n  GlobalKnownHostsFile /dev/null\n  IdentitiesOnly yes\n  IdentityFile ${dir}/client_key\n`,
  );
  const binDir = path.join(dir, 'bin');
  mkdirSync(binDir);
  writeFileSync(path.join(binDir, 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -F '${config}' "$@"\n`);
  chmodSync(path.join(binDir, 'ssh'), 0o755);
  return {
    dir,
    address,
    port,
    key: path.join(dir, 'client_key'),
    knownHosts,
    binDir,
    commonArgs,
    stop() {
      sshd.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(host: string, port: number, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, host, () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sshd did not listen on ${host}:${port}: ${log()}`);
}
