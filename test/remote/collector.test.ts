// The collector runs under the shells targets have (dash, busybox ash, bash) and gives the same
// records under each; the reader built on them answers as node:fs does on this machine.
import { expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectorScript, type CollectorOp } from '../../src/probes/remote/collector-script.js';
import { parseCollectorOutput } from '../../src/probes/remote/collector-records.js';
import { RemoteHostReader } from '../../src/probes/remote/remote-reader.js';
import { localHostReader } from '../../src/probes/host-reader.js';
import { readHostText, resolveHostPath } from '../../src/probes/host-fs.js';
import { parseSshTarget, sshTargetFromInventory, sshUrl, splitWords } from '../../src/probes/remote/ssh-target.js';
import { checkSshUse, resolveGlobalOptions } from '../../src/cli/context.js';

const SHELLS = [['dash'], ['busybox', 'sh'], ['bash', '--posix']];

function collect(shell: string[], ops: [CollectorOp, string][]) {
  const out = execFileSync(shell[0], [...shell.slice(1), '-s'], { input: collectorScript('@@m@@', ops), maxBuffer: 64 * 1024 * 1024 });
  return parseCollectorOutput(out, '@@m@@');
}

function tree(): string {
  const dir = mkdtempSync('/tmp/dh-collector-');
  writeFileSync(path.join(dir, 'plain.conf'), 'a = "x"\n\nlast line without newline');
  writeFileSync(path.join(dir, "it's $(odd) `name`.txt"), 'quoted\n');
  symlinkSync('plain.conf', path.join(dir, 'link'));
  symlinkSync('/nonexistent/target', path.join(dir, 'dangling'));
  mkfifoSync(path.join(dir, 'fifo'));
  return dir;
}

function mkfifoSync(p: string): void {
  execFileSync('mkfifo', [p]);
}

it('gives the same records under dash, busybox sh and bash, and never opens a FIFO', () => {
  const dir = tree();
  try {
    const ops: [CollectorOp, string][] = [
      ['WT', `${dir}/link`],
      ['WT', `${dir}/it's $(odd) \`name\`.txt`],
      ['T', `${dir}/fifo`],
      ['T', `${dir}/missing`],
      ['W', `${dir}/dangling`],
      ['D', dir],
      ['L', `${dir}/plain.conf`],
      ['I', '-'],
    ];
    const runs = SHELLS.map((sh) => collect(sh, ops));
    for (const run of runs) {
      expect(run.complete).toBe(true);
      expect(run.records.get(`T ${dir}/plain.conf`)?.data.toString()).toBe('a = "x"\n\nlast line without newline');
      expect(run.records.get(`T ${dir}/it's $(odd) \`name\`.txt`)?.data.toString()).toBe('quoted\n');
      expect(run.records.get(`T ${dir}/fifo`)).toEqual({ status: 'ENOTREG', data: Buffer.from('fifo') });
      expect(run.records.get(`T ${dir}/missing`)?.status).toBe('ENOENT');
      expect(run.records.get(`K ${dir}/dangling`)?.data.toString()).toBe('/nonexistent/target');
    }
    const flat = (r: (typeof runs)[0]) =>
      Object.fromEntries([...r.records].filter(([k]) => !k.startsWith('I ')).map(([k, v]) => [k, `${v.status} ${v.data.toString('base64')}`]));
    expect(flat(runs[1])).toEqual(flat(runs[0]));
    expect(flat(runs[2])).toEqual(flat(runs[0]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('reads through the records as node:fs reads this machine', async () => {
  const dir = tree();
  try {
    const local = localHostReader('/');
    const remote = new RemoteHostReader('ssh://test', { fetch: async (ops) => collect(['dash'], ops).records });
    await remote.prefetch([['I', '-']]);
    for (const p of [`${dir}/link`, `${dir}/dangling`, `${dir}/fifo`, `${dir}/missing/x`, `${dir}/plain.conf/x`]) {
      expect(await readHostText(remote, p)).toEqual(await readHostText(local, p));
      const settle = (r: Promise<unknown>) =>
        r.then(
          (v) => ({ v }),
          (e: NodeJS.ErrnoException) => ({ code: e.code, resolvedPath: (e as { resolvedPath?: string }).resolvedPath }),
        );
      expect(await settle(resolveHostPath(remote, p))).toEqual(await settle(resolveHostPath(local, p)));
    }
    expect(await remote.lstat(`${dir}/plain.conf`)).toEqual(await local.lstat(`${dir}/plain.conf`));
    expect((await remote.readdir(dir)).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      (await local.readdir(dir)).sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(remote.uid()).toBe(process.getuid?.());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('parses SSH destinations, DOCKER_HOST=ssh:// and Ansible connection variables', () => {
  expect(parseSshTarget('root@10.0.0.5:2222')).toEqual({ destination: 'root@10.0.0.5', port: 2222 });
  expect(parseSshTarget('ssh://ops@[fd00::2]:22')).toEqual({ destination: 'ops@fd00::2', port: 22 });
  expect(sshUrl(parseSshTarget('ops@[fd00::2]:22'))).toBe('ssh://ops@[fd00::2]:22');
  expect(() => parseSshTarget('-oProxyCommand=x')).toThrow(/is not user@host\[:port\]/);
  expect(() => parseSshTarget('root@host:70000')).toThrow(/invalid port/);
  expect(
    sshTargetFromInventory('web1', {
      ansible_host: '192.0.2.10',
      ansible_port: 2200,
      ansible_user: 'deploy',
      ansible_ssh_private_key_file: '/keys/web',
      ansible_ssh_common_args: `-o ProxyJump=bastion -o 'UserKnownHostsFile=/k h'`,
    }),
  ).toEqual({
    destination: 'deploy@192.0.2.10',
    port: 2200,
    identityFile: '/keys/web',
    commonArgs: ['-o', 'ProxyJump=bastion', '-o', 'UserKnownHostsFile=/k h'],
  });
  expect(sshTargetFromInventory('db1', {})).toEqual({ destination: 'db1' });
  expect(splitWords(`a "b c" d\\ e`)).toEqual(['a', 'b c', 'd e']);
  expect(resolveGlobalOptions({}, { DOCKER_HOST: 'ssh://root@h:22' }).ssh).toBe('ssh://root@h:22');
  expect(() => checkSshUse('apply', {}, { DOCKER_HOST: 'ssh://root@h' })).toThrow(/`apply` works on this machine only/);
  expect(() => checkSshUse('audit', { ssh: 'root@h', root: '/srv' }, {})).toThrow(/cannot be combined with --root/);
  expect(() => checkSshUse('audit', { ssh: 'root@h' }, {})).not.toThrow();
});
