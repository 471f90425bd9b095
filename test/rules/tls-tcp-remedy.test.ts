// CIS 2.8's two fixes for a daemon on tcp://, from the profile's tcpRemedy. Stop listening: the
// tcp:// host leaves the place it is written (daemon.json "hosts", the unit's ExecStart, DOCKER_OPTS
// in /etc/default/docker) and a local socket stays. Mutual TLS: certificates made by a plan step
// before the restart, and the TLS flags where they cannot clash with daemon.json.
// Fixture: test/fixtures/plan-review/default-docker-opts.json (docker.io 20.10, -H fd:// + DOCKER_OPTS).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { readFactsFile } from '../../src/facts/facts-file.js';
import { effectiveConfig } from '../../src/facts/effective-config.js';
import { findRule } from '../../src/rules/catalog.js';
import { DEFAULT_PARAMS, type HardeningParams } from '../../src/rules/params.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { renderScript } from '../../src/script/render-script.js';
import { dropInPath } from '../../src/artifacts/systemd-paths.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { FIXTURES_DIR } from '../support/fixtures.js';

const FIXTURE = path.join(FIXTURES_DIR, 'plan-review', 'default-docker-opts.json');
const rule = findRule('2.8')!;
const TCP = 'tcp://0.0.0.0:2375';

/** The fixture host read from its unit (no process), with its ExecStart, DOCKER_OPTS or daemon.json changed. */
async function host(change: { execStart?: string; dockerOpts?: string; daemonJson?: Record<string, unknown> }): Promise<HostFacts> {
  const f = await readFactsFile(FIXTURE);
  f.dockerd = null;
  const unit = f.systemd.service!;
  if (change.execStart) unit.content = unit.content.replace(/^ExecStart=.*$/m, `ExecStart=${change.execStart}`);
  if (change.dockerOpts)
    f.envFiles['/etc/default/docker'] = f.envFiles['/etc/default/docker']!.replace(/^DOCKER_OPTS=.*$/m, `DOCKER_OPTS="${change.dockerOpts}"`);
  if (change.daemonJson) f.daemonJson = { path: '/etc/docker/daemon.json', raw: `${JSON.stringify(change.daemonJson, null, 2)}\n`, parsed: change.daemonJson };
  return f;
}

const plan = (facts: HostFacts, params: Partial<HardeningParams> = {}) =>
  buildPlan({ facts, rules: [rule], params: { ...DEFAULT_PARAMS, ...params }, profileName: 'test' });

/** The facts as the plan leaves them: its daemon.json, drop-in and environment files in place. */
function applied(facts: HostFacts, p: Plan): HostFacts {
  const next = structuredClone(facts);
  for (const f of p.files) {
    if (f.after === null) continue;
    if (f.artifact === 'daemon-json') next.daemonJson = { path: f.path, raw: f.after, parsed: JSON.parse(f.after) };
    if (f.artifact === 'dockerd-env') next.envFiles[f.path] = f.after;
    if (f.artifact === 'systemd-dropin') next.systemd.service!.dropIns = [{ path: f.path, content: f.after }];
  }
  return next;
}

const hostsOf = (f: HostFacts) => effectiveConfig(f).get('hosts')?.value;

describe('2.8 stop-listening removes the tcp:// host where it is written and keeps a local socket', () => {
  it.each([
    [
      'daemon.json "hosts"',
      { execStart: '/usr/sbin/dockerd --containerd=/run/containerd/containerd.sock $DOCKER_OPTS', daemonJson: { hosts: ['unix:///var/run/docker.sock', TCP] } },
      'daemon-json',
      undefined,
    ],
    [
      'the unit ExecStart',
      { execStart: `/usr/sbin/dockerd -H fd:// -H ${TCP} --containerd=/run/containerd/containerd.sock $DOCKER_OPTS` },
      'systemd-dropin',
      ['fd://'],
    ],
    ['DOCKER_OPTS in /etc/default/docker', { dockerOpts: `-H ${TCP} --icc=true --log-level=info` }, 'dockerd-env', ['fd://']],
  ] as const)('from %s', async (_name, change, artifact, hostsAfter) => {
    const before = await host(change);
    expect(rule.check(before)[0].status).toBe('fail');
    const p = plan(before);
    const changed = p.files.filter((f) => f.kind !== 'unchanged');
    expect(changed.map((f) => f.artifact)).toEqual([artifact]);
    expect(changed[0].after).not.toContain('2375');
    expect(p.steps.map((s) => s.id)).toContain('docker-restart');
    const after = applied(before, p);
    expect(rule.check(after)[0].status).toBe('pass');
    if (artifact === 'daemon-json') expect(JSON.parse(changed[0].after!).hosts).toEqual(['unix:///var/run/docker.sock']);
    else expect(hostsOf(after)).toEqual(hostsAfter);
    // A second plan on the fixed host changes nothing.
    expect(plan(after).files.filter((f) => f.kind !== 'unchanged')).toEqual([]);
  });

  it('drops "hosts" when it held only TCP listeners: dockerd then listens on its default unix socket', async () => {
    const before = await host({ execStart: '/usr/sbin/dockerd --containerd=/run/containerd/containerd.sock', daemonJson: { hosts: [TCP], icc: false } });
    const p = plan(before);
    const json = JSON.parse(p.files.find((f) => f.artifact === 'daemon-json')!.after!);
    expect(json).toEqual({ icc: false });
  });

  it('keeps DOCKER_OPTS other flags and its quoting', async () => {
    const p = plan(await host({ dockerOpts: `--icc=true -H ${TCP} --log-level=info` }));
    const env = p.files.find((f) => f.path === '/etc/default/docker')!;
    expect(env.after).toContain('DOCKER_OPTS="--icc=true --log-level=info"\n');
    expect(env.after!.replace('DOCKER_OPTS="--icc=true --log-level=info"', '')).toBe(env.before!.replace(/DOCKER_OPTS=.*/, ''));
  });
});

describe('2.8 mutual-tls', () => {
  it('makes certificates before the restart and adds the TLS flags to ExecStart, with fd:// turned into a plain unix socket', async () => {
    const before = await host({ execStart: `/usr/sbin/dockerd -H fd:// -H ${TCP} --containerd=/run/containerd/containerd.sock $DOCKER_OPTS` });
    before.hostAddresses = ['127.0.0.1', '10.1.2.3'];
    const p = plan(before, { tcpRemedy: 'mutual-tls' });
    expect(p.steps.map((s) => s.id)).toEqual(['tls-certificates', 'systemd-daemon-reload', 'docker-restart']);
    const script = p.steps[0].command[2];
    expect(p.steps[0].command.slice(0, 2)).toEqual(['sh', '-c']);
    expect(p.steps[0].command.slice(3)).toEqual([
      'docker-harden-tls',
      '/etc/docker/tls',
      'default-docker-opts',
      'subjectAltName = DNS:default-docker-opts,DNS:localhost,IP:127.0.0.1,IP:10.1.2.3',
    ]);
    expect(script).toContain('if ! test -e "$d/ca.pem"; then');
    expect(script).not.toMatch(/BEGIN .*PRIVATE KEY/);
    const dropIn = p.files.find((f) => f.path === dropInPath('docker.service'))!;
    expect(dropIn.after).toContain(
      `-H unix:///run/docker.sock -H ${TCP} --containerd=/run/containerd/containerd.sock $DOCKER_OPTS --tlsverify --tlscacert /etc/docker/tls/ca.pem --tlscert /etc/docker/tls/server-cert.pem --tlskey /etc/docker/tls/server-key.pem`,
    );
    expect(p.files.some((f) => f.artifact === 'daemon-json' && f.kind !== 'unchanged')).toBe(false);
    expect(p.manual.map((m) => m.text).join('\n')).toContain('/etc/docker/tls/client (ca.pem, cert.pem, key.pem)');
    expect(rule.check(applied(before, p))[0].status).toBe('pass');
  });

  it('puts the TLS keys in daemon.json, never "hosts", when daemon.json already has TLS keys', async () => {
    const before = await host({ execStart: `/usr/sbin/dockerd -H fd:// -H ${TCP}`, daemonJson: { tls: true } });
    const p = plan(before, { tcpRemedy: 'mutual-tls', tlsCertDir: '/srv/docker tls' });
    const json = JSON.parse(p.files.find((f) => f.artifact === 'daemon-json')!.after!);
    expect(json).toEqual({
      tls: true,
      tlsverify: true,
      tlscacert: '/srv/docker tls/ca.pem',
      tlscert: '/srv/docker tls/server-cert.pem',
      tlskey: '/srv/docker tls/server-key.pem',
    });
    expect(json).not.toHaveProperty('hosts');
    expect(p.steps[0].command[4]).toBe('/srv/docker tls');
    expect(p.refused).toEqual([]);
  });

  it('sets the TLS keys in daemon.json when "hosts" is written there', async () => {
    const before = await host({
      execStart: '/usr/sbin/dockerd --containerd=/run/containerd/containerd.sock',
      daemonJson: { hosts: ['unix:///var/run/docker.sock', TCP] },
    });
    const p = plan(before, { tcpRemedy: 'mutual-tls' });
    const json = JSON.parse(p.files.find((f) => f.artifact === 'daemon-json')!.after!);
    expect(json).toMatchObject({ hosts: ['unix:///var/run/docker.sock', TCP], tlsverify: true, tlskey: '/etc/docker/tls/server-key.pem' });
    expect(p.files.some((f) => f.artifact === 'systemd-dropin')).toBe(false);
    expect(p.steps[0].id).toBe('tls-certificates');
  });
});

describe('2.8 mutual-tls in the script view', () => {
  it('renders the certificate step into a script that bash -n and shellcheck accept, with no key material', async () => {
    const f = await host({ dockerOpts: `-H ${TCP} --icc=true` });
    const p = plan(f, { tcpRemedy: 'mutual-tls', tlsCertDir: "/srv/it's tls" });
    const text = renderScript(p);
    expect(text).not.toMatch(/BEGIN .*PRIVATE KEY/);
    expect(text).toContain('openssl req -x509');
    const dir = mkdtempSync('/tmp/dh-script-');
    const file = path.join(dir, 'harden.sh');
    writeFileSync(file, text);
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    const sc = spawnSync('shellcheck', ['-s', 'bash', file], { encoding: 'utf8' });
    expect(sc.error).toBeUndefined();
    expect(sc.stdout).toBe('');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('2.8 certificate expiry', () => {
  it('warns 30 days ahead, from when the facts were collected', async () => {
    const f = await host({ execStart: `/usr/sbin/dockerd -H ${TCP} --tlsverify --tlscacert /t/ca.pem --tlscert /t/cert.pem --tlskey /t/key.pem` });
    f.collectedAt = '2026-12-01T00:00:00.000Z';
    f.tlsCertificates = {
      '/t/ca.pem': { notAfter: '2036-12-01T00:00:00.000Z', subject: 'CN=ca' },
      '/t/cert.pem': { notAfter: '2026-12-11T00:00:00.000Z', subject: 'CN=host' },
    };
    const [r] = rule.check(f);
    expect(r.status).toBe('warn');
    expect(r.message).toContain('tlscert /t/cert.pem expires in 10 days (2026-12-11)');
    f.tlsCertificates['/t/cert.pem'] = { notAfter: '2027-01-15T00:00:00.000Z', subject: 'CN=host' };
    expect(rule.check(f)[0].status).toBe('pass');
  });
});

// The drop-in as systemd reads it: SYSTEMD_UNIT_PATH=<dir>: puts our copy of the units first.
const hasVerify = spawnSync('systemd-analyze', ['--version']).status === 0 && existsSync('/usr/sbin/dockerd');
describe.skipIf(!hasVerify)('2.8 drop-ins under systemd-analyze verify (real)', () => {
  it.each(['stop-listening', 'mutual-tls'] as const)('%s: systemd accepts the ExecStart, paths with spaces included', async (tcpRemedy) => {
    const before = await host({ execStart: `/usr/sbin/dockerd -H fd:// -H ${TCP} --containerd=/run/containerd/containerd.sock $DOCKER_OPTS` });
    const p = plan(before, { tcpRemedy, tlsCertDir: '/srv/docker tls' });
    const dropIn = p.files.find((f) => f.path === dropInPath('docker.service'))!;
    const dir = mkdtempSync('/tmp/dh-units-');
    writeFileSync(path.join(dir, 'docker.service'), before.systemd.service!.content);
    writeFileSync(path.join(dir, 'docker.socket'), before.systemd.socket!.content);
    mkdirSync(path.join(dir, 'docker.service.d'));
    writeFileSync(path.join(dir, 'docker.service.d', path.basename(dropIn.path)), dropIn.after!);
    const run = spawnSync('systemd-analyze', ['verify', 'docker.service'], {
      cwd: dir,
      env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:` },
      encoding: 'utf8',
    });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/docker-harden/);
    expect(run.status).toBe(0);
    // What systemd will run, read back from the drop-in.
    const after = applied(before, p);
    const flags = effectiveConfig(after);
    expect(flags.get('hosts')?.value).toEqual(tcpRemedy === 'stop-listening' ? ['fd://'] : ['unix:///run/docker.sock', TCP]);
    if (tcpRemedy === 'mutual-tls') expect(flags.get('tlskey')?.value).toBe('/srv/docker tls/server-key.pem');
    rmSync(dir, { recursive: true, force: true });
  });
});
