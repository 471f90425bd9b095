// `audit --inventory` against a real sshd on loopback serving this machine and the test's private
// dockerd. The inventory names that one host twice (ansible_host/ansible_port, and a host:port
// pattern), a host on a closed port, and one whose known_hosts holds another key: the two bad
// ones get a row each that says why, and do not stop the others.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { main } from '../../src/cli/main.js';
import { haveSshd, startSshd, type LoopbackSshd } from '../remote/loopback-sshd.js';

// test/remote uses 2222; another port lets both files run at once.
const PORT = 2223;

async function cli(argv: string[], env: Record<string, string> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await main(argv, { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } as never);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.env = saved;
  }
}

describeEngine('audit --inventory over SSH', (engine) => {
  let sshd: LoopbackSshd;
  let inventory: string;
  let env: Record<string, string>;
  const run = (...args: string[]) => cli(['audit', '--inventory', inventory, '--docker-host', engine.host, ...args], env);

  beforeAll(async () => {
    if (!haveSshd) throw new Error('these tests need openssh-server (/usr/sbin/sshd) and root');
    sshd = await startSshd('127.0.0.2', PORT);
    const other = path.join(sshd.dir, 'other_host_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const wrongKnownHosts = path.join(sshd.dir, 'wrong_known_hosts');
    writeFileSync(wrongKnownHosts, `[127.0.0.2]:${PORT} ${readFileSync(`${other}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
    inventory = path.join(sshd.dir, 'hosts.ini');
    writeFileSync(
      inventory,
      [
        '[docker]',
        `web ansible_host=127.0.0.2 ansible_port=${PORT}`,
        `127.0.0.2:${PORT}`,
        'closed ansible_host=127.0.0.2 ansible_port=1',
        `badkey ansible_host=127.0.0.2 ansible_port=${PORT} ansible_ssh_common_args="-o UserKnownHostsFile=${wrongKnownHosts}"`,
        '[docker:vars]',
        'ansible_user=root',
      ].join('\n'),
    );
    // The ssh on PATH reads the test's config (key, known_hosts), as ~/.ssh/config would.
    env = { PATH: `${sshd.binDir}:${process.env.PATH}` };
  }, 60_000);
  afterAll(() => sshd?.stop());

  it('reports one row per host: the reachable host under both names, and why the others were not audited', async () => {
    const r = await run('--concurrency', '2', '--fail-on', 'none', '--allow-unreachable');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows = Object.fromEntries(
      r.out
        .split('\n')
        .filter((l) => /ssh:\/\//.test(l))
        .map((l) => [l.split(/\s+/)[0], l]),
    );
    expect(Object.keys(rows)).toEqual(['web', '127.0.0.2', 'closed', 'badkey']);
    expect(rows.web, r.out).toMatch(new RegExp(`^web\\s+ssh://root@127\\.0\\.0\\.2:${PORT}\\s+yes\\s+\\d+\\s+\\d+\\s+\\d+\\s+(critical|high|medium|low|-)$`));
    // The same host under two names (the pattern's :port is its ansible_port, as in Ansible) gives the
    // same target. Its counts are not compared: other test files add and remove containers on the
    // shared private engine between the two inspections.
    expect(rows['127.0.0.2'].split(/\s+/).slice(1, 3)).toEqual(rows.web.split(/\s+/).slice(1, 3));
    expect(rows.closed).toMatch(/\sno\s+ssh:\/\/root@127\.0\.0\.2:1 cannot be reached over SSH \(connection refused\)\.$/);
    expect(rows.badkey).toMatch(/\sno\s+The host key of ssh:\/\/root@127\.0\.0\.2:2223 is not the one in known_hosts/);
    expect(r.out).toContain('Failing on the most hosts');
    expect(r.out).toMatch(/2 of 4 hosts audited \(2 not\)/);
  }, 180_000);

  it('gives every JSON result its host, a summary per host, and the hosts not audited with their reason', async () => {
    const r = await run('--format', 'json', '--fail-on', 'none', '--allow-unreachable');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(new Set(json.results.map((x: { host: string }) => x.host))).toEqual(new Set(['web', '127.0.0.2']));
    // Host-level results only: container and image results follow what other test files run on the shared engine meanwhile.
    const of = (host: string) =>
      json.results.filter((x: { host: string; subject?: unknown }) => x.host === host && !x.subject).map(({ host, ...rest }: { host: string }) => rest);
    expect(of('web').length).toBeGreaterThan(50);
    expect(of('127.0.0.2').map((x: { id: string; status: string }) => `${x.id}=${x.status}`)).toEqual(
      of('web').map((x: { id: string; status: string }) => `${x.id}=${x.status}`),
    );
    expect(json.unreachable).toEqual([
      { host: 'closed', target: 'ssh://root@127.0.0.2:1', reason: 'unreachable', message: expect.stringContaining('connection refused') },
      { host: 'badkey', target: `ssh://root@127.0.0.2:${PORT}`, reason: 'host-key', message: expect.stringContaining('not the one in known_hosts') },
    ]);
    expect(json.hosts.find((h: { host: string }) => h.host === 'web')).toMatchObject({ reachable: true, engine: { status: 'ok' } });
    expect(json.summary).toMatchObject({ hosts: 4, audited: 2, unreachable: 2 });
  }, 180_000);

  it('puts the host in each SARIF result and the unreachable hosts in the run', async () => {
    const r = await run('--format', 'sarif', '--include', '2', '--fail-on', 'none', '--allow-unreachable');
    const run0 = JSON.parse(r.out).runs[0];
    expect(run0.results.length).toBeGreaterThan(0);
    for (const result of run0.results) {
      expect(['web', '127.0.0.2']).toContain(result.properties.host);
      expect(result.message.text.startsWith(`${result.properties.host}: `)).toBe(true);
      expect(result.ruleId).toMatch(/^2\./);
    }
    expect(run0.invocations[0].toolExecutionNotifications.map((n: any) => [n.properties.host, n.properties.reason])).toEqual([
      ['closed', 'unreachable'],
      ['badkey', 'host-key'],
    ]);
  }, 180_000);

  it('follows --fail-on over the whole fleet, and fails on hosts not audited unless --allow-unreachable', async () => {
    const json = JSON.parse((await run('--format', 'json', '--fail-on', 'none', '--allow-unreachable')).out);
    const failing = json.results.filter((x: { status: string }) => x.status === 'fail');
    // A private dockerd with default settings fails some benchmark items (2.2 icc, at least).
    expect(failing.length).toBeGreaterThan(0);

    const low = await run('--fail-on', 'low', '--allow-unreachable', '--format', 'json');
    expect(low.code).toBe(1);
    expect(low.err).toMatch(/^2 hosts failing at or above severity low \(web, 127\.0\.0\.2\)\.$/);

    const unreachable = await run('--fail-on', 'none', '--format', 'json');
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toBe('2 hosts not audited (closed, badkey).');

    // Only rules that pass here: nothing fails, and the run passes when unreachable hosts are allowed.
    const passing = [
      ...new Set(json.results.filter((x: { host: string; status: string }) => x.host === 'web' && x.status === 'pass').map((x: { id: string }) => x.id)),
    ];
    const clean = await run('--include', passing.slice(0, 3).join(','), '--fail-on', 'low', '--allow-unreachable');
    expect(clean.code).toBe(0);
  }, 240_000);

  it('writes the report with -o and refuses --ssh, a bad inventory and junit with one sentence, writing nothing', async () => {
    const report = path.join(sshd.dir, 'fleet.json');
    const written = await run('--format', 'json', '-o', report, '--fail-on', 'none', '--allow-unreachable');
    expect(written.code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).summary.hosts).toBe(4);

    const bad = path.join(sshd.dir, 'bad.ini');
    writeFileSync(bad, '[web]\nweb1\n[web:vars]\nnot an assignment\n');
    const out = path.join(sshd.dir, 'never.json');
    const refused = await cli(['audit', '--inventory', bad, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')[0]).toBe(`docker-harden: The inventory ${bad}, line 4, does not parse: expected key=value, got "not an assignment".`);
    expect(existsSync(out)).toBe(false);

    const both = await cli(['audit', '--inventory', inventory, '--ssh', 'root@127.0.0.2']);
    expect(both.code).toBe(2);
    expect(both.err.split('\n')[0]).toBe('docker-harden: --inventory names the hosts to inspect, so it cannot be combined with --ssh.');
    const junit = await cli(['audit', '--inventory', inventory, '--format', 'junit']);
    expect(junit.code).toBe(2);
    expect(junit.err.split('\n')[0]).toBe('docker-harden: --inventory reports as table, json, sarif, not junit.');
  }, 180_000);
});
