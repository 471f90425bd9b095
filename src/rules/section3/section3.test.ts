import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../facts/empty-facts.js';
import type { FileStat, HostFacts } from '../../facts/host-facts.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { DEFAULT_PARAMS } from '../params.js';
import type { Rule } from '../rule.js';
import { section3Rules } from './index.js';
import { modeWithin, tightenedMode } from './support.js';

const rule = (id: string): Rule => section3Rules.find((r) => r.id === id)!;
const statuses = (r: Rule, facts: HostFacts) => r.check(facts).map((c) => c.status);
const fix = (r: Rule, facts: HostFacts) => r.remediate!(facts, DEFAULT_PARAMS);
const stat = (over: Partial<FileStat> = {}): FileStat => ({ exists: true, type: 'file', mode: 0o644, uid: 0, gid: 0, owner: 'root', group: 'root', ...over });
const withFile = (path: string, s: FileStat, more: Partial<HostFacts> = {}) => emptyFacts({ files: { [path]: s }, ...more });
const DAEMON_JSON = '/etc/docker/daemon.json';

describe('section 3 catalog', () => {
  it('lists 3.1–3.24 in id order, every one decided from facts', () => {
    expect(section3Rules.map((r) => r.id)).toEqual(Array.from({ length: 24 }, (_, i) => `3.${i + 1}`));
    for (const r of section3Rules) {
      expect(r.checks).toBe('facts');
      expect(r.aliases).toEqual({ '1.7.0': r.id, '1.6.0': r.id });
    }
  });

  it('gives every rule at least one result with a message and evidence, even with nothing seen', () => {
    for (const r of section3Rules) {
      const results = r.check(emptyFacts());
      expect(results.length, r.id).toBeGreaterThan(0);
      for (const c of results) {
        expect(c.message, r.id).toMatch(/\.$/);
        expect(c.evidence.length, r.id).toBeGreaterThan(0);
      }
    }
  });

  // Pass/fail on every fixture is the catalog self-test's loop; here only what section 3 adds.
  it.each(section3Rules.flatMap((r) => ruleFixtures(r.id).fail.map((f) => [r.id, f] as const)))('%s on %s fixes only what fails', (id, f) => {
    const r = rule(id);
    const facts = loadFacts(f);
    const failing = r
      .check(facts)
      .filter((c) => c.status === 'fail')
      .map((c) => c.evidence.at(-1)!.path);
    const perms = fix(r, facts).filter((c) => c.kind === 'file-permission');
    expect(perms.map((c) => c.path)).toEqual(failing);
  });
});

describe('modes compare as permission bits', () => {
  it.each([
    [0o644, 0o644, true],
    [0o640, 0o644, true],
    [0o604, 0o644, true],
    [0o600, 0o644, true],
    [0o660, 0o644, false],
    [0o700, 0o644, false],
    [0o4644, 0o644, false],
    [0o1755, 0o755, false],
    [0o400, 0o400, true],
    [0o600, 0o400, false],
    [0o444, 0o444, true],
    [0o440, 0o444, true],
  ])('%o within %o: %s', (mode, max, ok) => {
    expect(modeWithin(mode, max)).toBe(ok);
  });

  it.each([
    [0o640, true],
    [0o604, true],
    [0o660, false],
    [0o700, false],
    [0o4644, false],
  ])('daemon.json mode %o passes 3.18: %s', (mode, ok) => {
    const facts = withFile(DAEMON_JSON, stat({ mode }));
    expect(statuses(rule('3.18'), facts)).toEqual([ok ? 'pass' : 'fail']);
  });

  it('fixes a mode by dropping the extra bits, never loosening the others', () => {
    expect(tightenedMode(0o660, 0o644)).toBe(0o640);
    expect(tightenedMode(0o4755, 0o755)).toBe(0o755);
    expect(fix(rule('3.18'), withFile(DAEMON_JSON, stat({ mode: 0o660 })))).toEqual([{ kind: 'file-permission', path: DAEMON_JSON, mode: 0o640 }]);
  });
});

describe('ownership', () => {
  it('decides by uid/gid when names are unknown', () => {
    expect(statuses(rule('3.17'), withFile(DAEMON_JSON, { exists: true, mode: 0o644, uid: 0, gid: 0 }))).toEqual(['pass']);
    expect(statuses(rule('3.17'), withFile(DAEMON_JSON, { exists: true, mode: 0o644, uid: 1000, gid: 0 }))).toEqual(['fail']);
    expect(statuses(rule('3.17'), withFile(DAEMON_JSON, { exists: true, mode: 0o644, owner: 'root', group: 'root' }))).toEqual(['pass']);
    expect(statuses(rule('3.17'), withFile(DAEMON_JSON, { exists: true, mode: 0o644 }))).toEqual(['warn']);
  });

  it('wants group docker by name on the Docker socket, and accepts the stricter root group', () => {
    const sock = '/var/run/docker.sock';
    const check = (s: Partial<FileStat>) => statuses(rule('3.15'), withFile(sock, { exists: true, type: 'socket', mode: 0o660, uid: 0, ...s }));
    expect(check({ gid: 999, group: 'docker' })).toEqual(['pass']);
    expect(check({ gid: 0 })).toEqual(['pass']);
    expect(check({ gid: 1001, group: 'staff' })).toEqual(['fail']);
    expect(check({ gid: 999 })).toEqual(['warn']);
  });

  it('asks for root:docker on the socket, root:root elsewhere', () => {
    const sock = withFile('/var/run/docker.sock', stat({ type: 'socket', mode: 0o660, gid: 1001, group: 'staff' }));
    expect(fix(rule('3.15'), sock)).toEqual([
      expect.objectContaining({ kind: 'file-permission', path: '/var/run/docker.sock', owner: 'root', group: 'docker' }),
    ]);
    expect(fix(rule('3.5'), withFile('/etc/docker', stat({ type: 'directory', mode: 0o755, uid: 1000, owner: 'bob' })))).toEqual([
      { kind: 'file-permission', path: '/etc/docker', owner: 'root', group: 'root' },
    ]);
  });
});

describe('paths come from the facts', () => {
  it('checks docker.service where systemd loads it, with its drop-ins', () => {
    const facts = emptyFacts({
      systemd: {
        service: {
          path: '/usr/lib/systemd/system/docker.service',
          content: '',
          dropIns: [{ path: '/etc/systemd/system/docker.service.d/override.conf', content: '' }],
        },
        socket: null,
      },
      files: { '/usr/lib/systemd/system/docker.service': stat(), '/etc/systemd/system/docker.service.d/override.conf': stat({ mode: 0o666 }) },
    });
    expect(
      rule('3.2')
        .check(facts)
        .map((c) => [c.status, c.evidence.at(-1)!.path]),
    ).toEqual([
      ['pass', '/usr/lib/systemd/system/docker.service'],
      ['fail', '/etc/systemd/system/docker.service.d/override.conf'],
    ]);
    expect(statuses(rule('3.1'), emptyFacts())).toEqual(['not-applicable']);
  });

  it('checks the socket named by -H and the TLS files named by flags', () => {
    const facts = emptyFacts({
      dockerd: { pid: 9, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd', '-H', 'unix:///srv/run/docker.sock', '--tlsverify', '--tlskey=/srv/tls/key.pem'] },
      files: { '/srv/run/docker.sock': stat({ type: 'socket', mode: 0o666 }), '/srv/tls/key.pem': stat({ mode: 0o644 }) },
    });
    expect(fix(rule('3.16'), facts)).toEqual([expect.objectContaining({ kind: 'file-permission', path: '/srv/run/docker.sock', mode: 0o660 })]);
    const [key] = rule('3.14').check(facts);
    expect(key.status).toBe('fail');
    expect(key.evidence[0].detail).toContain('--tlskey=/srv/tls/key.pem');
    expect(fix(rule('3.14'), facts)).toEqual([{ kind: 'file-permission', path: '/srv/tls/key.pem', mode: 0o400 }]);
    // tlsverify without tlscacert: dockerd reads ~/.docker/ca.pem of root.
    expect(rule('3.10').check(facts)[0].evidence[0].path).toBe('/root/.docker/ca.pem');
  });

  it('is not applicable without TLS, and warns when a configured TLS file is missing', () => {
    expect(statuses(rule('3.13'), emptyFacts())).toEqual(['not-applicable']);
    const facts = emptyFacts({
      daemonJson: { path: DAEMON_JSON, raw: '', parsed: { tlscert: '/etc/docker/tls/cert.pem' } },
      files: { '/etc/docker/tls/cert.pem': { exists: false } },
    });
    expect(statuses(rule('3.12'), facts)).toEqual(['warn']);
    expect(fix(rule('3.12'), facts)).toEqual([]);
  });

  it('follows a symlink to fix the real file', () => {
    const facts = withFile('/etc/default/docker', stat({ mode: 0o666, realPath: '/srv/config/docker.env' }));
    expect(fix(rule('3.20'), facts)).toEqual([{ kind: 'file-permission', path: '/srv/config/docker.env', mode: 0o644 }]);
  });

  it('touches nothing that does not exist, and warns about paths the probe did not stat', () => {
    expect(statuses(rule('3.21'), withFile('/etc/sysconfig/docker', { exists: false }))).toEqual(['not-applicable']);
    expect(fix(rule('3.21'), withFile('/etc/sysconfig/docker', { exists: false }))).toEqual([]);
    const [unknown] = rule('3.6').check(emptyFacts({ probes: { files: { status: 'ok' } } }));
    expect(unknown.status).toBe('warn');
    expect(unknown.evidence[1].detail).toContain('no stat for /etc/docker');
  });
});

describe('registry certificates (3.7/3.8)', () => {
  const C = '/etc/docker/certs.d/reg:5000';
  const certs = (key: FileStat, ca = stat({ mode: 0o444 })) =>
    emptyFacts({
      files: {
        '/etc/docker/certs.d': stat({ type: 'directory', mode: 0o755 }),
        [C]: stat({ type: 'directory', mode: 0o755 }),
        [`${C}/ca.crt`]: ca,
        [`${C}/client.key`]: key,
      },
    });

  it('never makes a client key world-readable', () => {
    const facts = certs(stat({ mode: 0o444 }));
    expect(
      rule('3.8')
        .check(facts)
        .map((c) => c.status),
    ).toEqual(['pass', 'fail']);
    expect(fix(rule('3.8'), facts)).toEqual([{ kind: 'file-permission', path: `${C}/client.key`, mode: 0o400 }]);
    expect(statuses(rule('3.8'), certs(stat({ mode: 0o600 })))).toEqual(['pass', 'pass']);
  });

  it('makes certificates read-only without widening them', () => {
    const facts = certs(stat({ mode: 0o400 }), stat({ mode: 0o640 }));
    expect(fix(rule('3.8'), facts)).toEqual([{ kind: 'file-permission', path: `${C}/ca.crt`, mode: 0o440 }]);
  });

  it('is not applicable without certs.d', () => {
    expect(statuses(rule('3.7'), withFile('/etc/docker/certs.d', { exists: false }))).toEqual(['not-applicable']);
  });
});

describe('the Docker socket fix lasts across restarts (3.15/3.16)', () => {
  const unit = (socketLines: string) => ({
    path: '/lib/systemd/system/docker.socket',
    content: `[Socket]\nListenStream=/run/docker.sock\n${socketLines}`,
    dropIns: [],
  });
  const sockFacts = (mode: number, socketLines: string | null, group = 'docker') =>
    emptyFacts({
      dockerd: { pid: 1, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd', '-H', 'fd://'] },
      systemd: { service: null, socket: socketLines === null ? null : unit(socketLines) },
      files: { '/run/docker.sock': stat({ type: 'socket', mode, gid: group === 'docker' ? 999 : 1001, group }) },
    });

  it('adds a docker.socket drop-in for settings the unit lacks', () => {
    expect(fix(rule('3.16'), sockFacts(0o666, ''))).toEqual([
      expect.objectContaining({ kind: 'file-permission', path: '/run/docker.sock', mode: 0o660 }),
      { kind: 'systemd-dropin', unit: 'docker.socket', section: 'Socket', key: 'SocketMode', value: '0660' },
    ]);
    expect(fix(rule('3.15'), sockFacts(0o660, 'SocketUser=root\n', 'staff'))).toEqual([
      expect.objectContaining({ kind: 'file-permission', owner: 'root', group: 'docker' }),
      { kind: 'systemd-dropin', unit: 'docker.socket', section: 'Socket', key: 'SocketGroup', value: 'docker' },
    ]);
  });

  it('adds no drop-in when the unit already says so, or when there is no docker.socket', () => {
    expect(fix(rule('3.16'), sockFacts(0o666, 'SocketMode=660\n')).map((c) => c.kind)).toEqual(['file-permission']);
    expect(fix(rule('3.16'), sockFacts(0o666, null)).map((c) => c.kind)).toEqual(['file-permission']);
    expect(fix(rule('3.16'), sockFacts(0o660, ''))).toEqual([]);
  });
});

describe('3.17 for a rootless daemon', () => {
  const home = '/home/ops/.config/docker/daemon.json';
  const userFile = stat({ uid: 1000, gid: 1000, owner: 'ops', group: 'ops' });
  const rootless = (rootlessFlag: boolean) =>
    withFile(home, userFile, {
      daemonJson: { path: home, raw: '{}', parsed: {} },
      dockerd: { pid: 42, exe: '/usr/bin/dockerd', argv: ['dockerd', '--rootless'], uid: 1000, rootless: rootlessFlag },
    });

  it("is not applicable: the user's own daemon.json is not chowned to root", () => {
    expect(statuses(rule('3.17'), rootless(true))).toEqual(['not-applicable']);
    expect(fix(rule('3.17'), rootless(true))).toEqual([]);
  });

  it('still fails the same file for a rootful daemon', () => {
    expect(statuses(rule('3.17'), rootless(false))).toEqual(['fail']);
  });
});
