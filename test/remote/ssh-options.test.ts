// Inventories are shared files: the ssh options they carry may not run a command here, write a
// file, read another config, take over the connection or turn host key checking off.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkSshOptions } from '../../src/probes/remote/ssh-options.js';
import { sshTargetFromInventory } from '../../src/probes/remote/ssh-target.js';
import { main } from '../../src/cli/main.js';

it('passes what inventories need: jump hosts, keys, known_hosts files, ciphers, verbosity', () => {
  for (const words of [
    ['-o', 'ProxyJump=bastion', '-o', 'UserKnownHostsFile=/k h', '-o', 'StrictHostKeyChecking=yes'],
    ['-J', 'ops@bastion:22', '-i', '/keys/web', '-p', '2200', '-4C', '-c', 'aes256-ctr', '-oServerAliveInterval=30'],
    ['-o', 'StrictHostKeyChecking accept-new', '-v'],
  ]) {
    expect(() => checkSshOptions(words), words.join(' ')).not.toThrow();
  }
});

it.each([
  [['-o', 'ProxyCommand=touch /tmp/pwned'], /-o ProxyCommand could run a command/],
  [['-oproxycommand nc %h %p'], /-o proxycommand could run a command/],
  [['-o', 'LocalCommand=id', '-o', 'PermitLocalCommand=yes'], /-o LocalCommand/],
  [['-o', 'KnownHostsCommand=/bin/sh -c id'], /KnownHostsCommand/],
  [['-o', 'Match exec "id" host *'], /-o Match/],
  [['-o', 'PKCS11Provider=/tmp/evil.so'], /PKCS11Provider/],
  [['-o', 'ControlPath=/tmp/other'], /ControlPath/],
  [['-F', '/tmp/evil_config'], /-F is not passed on/],
  [['-E', '/etc/passwd'], /-E is not passed on/],
  [['-L', '8080:localhost:80'], /-L is not passed on/],
  [['-4F', 'x'], /-F \(in -4F\) is not passed on/],
  [['-o', 'StrictHostKeyChecking=no'], /host key checking is never turned off/],
  [['-o', 'StrictHostKeyChecking "off"'], /host key checking is never turned off/],
  [['bastion'], /"bastion" is not an ssh option/],
  [['-o'], /-o has no value/],
])('refuses %j', (words, why) => {
  expect(() => checkSshOptions(words)).toThrow(why);
});

it('an inventory host whose ssh options would run a command stops the audit before any connection: exit 2, nothing run', async () => {
  const dir = mkdtempSync('/tmp/dh-sshopt-');
  try {
    const marker = path.join(dir, 'pwned');
    const inventory = path.join(dir, 'hosts.ini');
    writeFileSync(inventory, `[web]\nh1 ansible_host=127.0.0.1 ansible_ssh_common_args='-o ProxyCommand="touch ${marker}"'\n`);
    expect(() => sshTargetFromInventory('h1', { ansible_ssh_common_args: `-o ProxyCommand="touch ${marker}"` })).toThrow(/refused/);
    const err: string[] = [];
    const code = await main(['audit', '--inventory', inventory, '--format', 'json', '-o', path.join(dir, 'out.json')], {
      out: () => {},
      err: (s: string) => err.push(s),
    } as never);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/h1 a connection docker-harden cannot use: its ssh options are refused: -o ProxyCommand could run a command/);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(path.join(dir, 'out.json'))).toBe(false);
    // The check is what stops it: ssh itself, given the same option, runs the command.
    spawnSync('ssh', ['-o', `ProxyCommand=touch ${marker}`, '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=2', 'h1', 'true'], {
      stdio: 'ignore',
      timeout: 10_000,
    });
    expect(existsSync(marker)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
