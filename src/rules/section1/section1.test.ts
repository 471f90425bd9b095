import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../facts/empty-facts.js';
import type { FileStat, HostFacts } from '../../facts/host-facts.js';
import { DEFAULT_PARAMS } from '../params.js';
import type { Rule } from '../rule.js';
import { section1Rules } from './index.js';

const rule = (id: string): Rule => section1Rules.find((r) => r.id === id)!;
const statuses = (r: Rule, facts: HostFacts) => r.check(facts).map((c) => c.status);
const dir: FileStat = { exists: true, type: 'directory', mode: 0o755, uid: 0, gid: 0 };
const file: FileStat = { exists: true, type: 'file', mode: 0o644, uid: 0, gid: 0 };
const loaded = (...rules: string[]): HostFacts['audit'] => ({ loadedRules: rules, rulesFiles: [] });
const params = { ...DEFAULT_PARAMS, auditKey: 'dh' };

describe('section 1 catalog', () => {
  it('lists 1.1.1–1.2.2 in id order with v1.6/v1.7 aliases', () => {
    expect(section1Rules.map((r) => r.id)).toEqual([...Array.from({ length: 18 }, (_, i) => `1.1.${i + 1}`), '1.2.1', '1.2.2']);
    for (const r of section1Rules) expect(r.aliases).toEqual({ '1.7.0': r.id, '1.6.0': r.id });
  });

  it('gives every rule at least one result with a message and evidence, even with nothing seen', () => {
    for (const r of section1Rules) {
      const results = r.check(emptyFacts());
      expect(results.length, r.id).toBeGreaterThan(0);
      for (const c of results) {
        expect(c.message, r.id).toMatch(/\.$/);
        expect(c.evidence.length, r.id).toBeGreaterThan(0);
      }
    }
  });
});

describe('audit watches (1.1.3–1.1.18)', () => {
  it('does not count a daemon.json watch as watching /etc/docker (substring bug)', () => {
    const facts = emptyFacts({ files: { '/etc/docker': dir }, audit: loaded('-w /etc/docker/daemon.json -p rwxa -k docker') });
    expect(statuses(rule('1.1.6'), facts)).toEqual(['fail']);
  });

  it('does not count an /etc/docker watch as watching daemon.json', () => {
    const facts = emptyFacts({ files: { '/etc/docker': dir, '/etc/docker/daemon.json': file }, audit: loaded('-w /etc/docker -k docker') });
    expect(statuses(rule('1.1.11'), facts)).toEqual(['fail']);
    expect(statuses(rule('1.1.6'), facts)).toEqual(['pass']);
  });

  it('watches the data root the engine reports, in the syscall form', () => {
    const facts = emptyFacts({
      engine: { host: 'unix:///var/run/docker.sock', version: {}, info: { DockerRootDir: '/srv/docker' }, containers: [], images: [], networks: [] },
      files: { '/srv/docker': dir },
      audit: loaded('-w /var/lib/docker -p rwa -k docker'),
    });
    const [result] = rule('1.1.5').check(facts);
    expect(result.status).toBe('fail');
    expect(result.evidence[0].detail).toContain('docker info DockerRootDir /srv/docker');
    expect(rule('1.1.5').remediate!(facts, params)).toEqual([
      expect.objectContaining({ kind: 'audit-watch', path: '/srv/docker', rule: '-a always,exit -F path=/srv/docker -F perm=war -k dh' }),
    ]);
  });

  it('takes the dockerd path from the unit ExecStart when no daemon runs', () => {
    const facts = emptyFacts({
      systemd: {
        service: { path: '/lib/systemd/system/docker.service', content: '[Service]\nExecStart=/opt/docker/dockerd -H fd://\n', dropIns: [] },
        socket: null,
      },
      files: { '/opt/docker': dir },
      audit: loaded(),
    });
    expect(rule('1.1.3').remediate!(facts, params)).toEqual([
      { kind: 'audit-watch', path: '/opt/docker/dockerd', rule: '-w /opt/docker/dockerd -p rwxa -k dh' },
    ]);
  });

  it('says why a rule on the right path does not count', () => {
    const facts = emptyFacts({ files: { '/etc/docker': dir }, audit: loaded('-w /etc/docker -p r -k docker') });
    const [result] = rule('1.1.6').check(facts);
    expect(result.status).toBe('fail');
    expect(result.evidence.map((e) => e.detail)).toContain(
      'auditctl -l: -w /etc/docker -p r -k docker does not count: it must be an always,exit rule recording writes and attribute changes for every syscall and user',
    );
  });

  it('warns when a watch exists but -a never,task silences every watch', () => {
    const facts = emptyFacts({ files: { '/etc/docker': dir }, audit: loaded('-a never,task', '-w /etc/docker -p rwxa -k docker') });
    const [result] = rule('1.1.6').check(facts);
    expect(result.status).toBe('warn');
    expect(result.evidence.map((e) => e.detail).join('\n')).toContain('-a never,task');
    const killNotes = rule('1.1.3').remediate!(facts, params).filter((c) => c.kind === 'manual' && c.text.includes('Remove "-a never,task"'));
    expect(killNotes).toHaveLength(1);
    expect(rule('1.1.6').remediate!(facts, params)).toEqual([]);
  });

  it('warns naming the audit probe when neither auditctl nor rules files could be read', () => {
    const facts = emptyFacts({ probes: { audit: { status: 'permission-denied', message: 'auditctl -l: Operation not permitted' } } });
    const [result] = rule('1.1.6').check(facts);
    expect(result.status).toBe('warn');
    expect(result.evidence[0].detail).toContain('audit probe permission-denied');
    expect(rule('1.1.6').remediate!(facts, params)).toEqual([]);
  });

  it('reads the rules files when loaded rules are unknown, and says when a written rule is not loaded', () => {
    const rulesFiles = [{ path: '/etc/audit/rules.d/docker.rules', content: '-w /etc/docker -k docker\n' }];
    expect(statuses(rule('1.1.6'), emptyFacts({ audit: { loadedRules: null, rulesFiles } }))).toEqual(['pass']);
    const [result] = rule('1.1.6').check(emptyFacts({ audit: { loadedRules: ['No rules'], rulesFiles } }));
    expect(result.status).toBe('fail');
    expect(result.evidence.map((e) => e.detail).join('\n')).toContain('is written but not loaded');
    // Writing the rule again would make auditctl stop at "Rule exists": ask for a reload instead.
    const out = rule('1.1.6').remediate!(emptyFacts({ files: { '/etc/docker': dir }, audit: { loadedRules: ['No rules'], rulesFiles } }), params);
    expect(out).toEqual([{ kind: 'manual', text: expect.stringContaining('augenrules --load') }]);
  });

  it('notes a loaded rule that no rules file keeps across reboots', () => {
    const facts = emptyFacts({
      audit: { loadedRules: ['-w /etc/docker -p rwxa -k docker'], rulesFiles: [{ path: '/etc/audit/rules.d/audit.rules', content: '-D\n' }] },
    });
    const [result] = rule('1.1.6').check(facts);
    expect(result.status).toBe('pass');
    expect(result.evidence.at(-1)!.detail).toContain('will not survive a reboot');
  });

  it('is not applicable where CIS says "if it exists" and the file is absent', () => {
    const facts = emptyFacts({ files: { '/etc/sysconfig/docker': { exists: false } }, audit: loaded() });
    expect(statuses(rule('1.1.13'), facts)).toEqual(['not-applicable']);
    expect(rule('1.1.13').remediate!(facts, params)).toEqual([]);
  });

  it('emits no watch whose parent directory is missing or unknown', () => {
    const facts = emptyFacts({ files: { '/etc/containerd': { exists: false } }, audit: loaded() });
    expect(statuses(rule('1.1.12'), facts)).toEqual(['fail']);
    const out = rule('1.1.12').remediate!(facts, params);
    expect(out.map((c) => c.kind)).toEqual(['manual']);
    expect(rule('1.1.6').remediate!(emptyFacts({ audit: loaded() }), params).map((c) => c.kind)).toEqual(['manual']);
  });

  it('writes a watch on a missing file whose parent exists (the kernel arms it when the file appears)', () => {
    const facts = emptyFacts({ files: { '/usr/bin': dir, '/usr/bin/runc': { exists: false } }, audit: loaded() });
    expect(rule('1.1.18').remediate!(facts, params)).toEqual([{ kind: 'audit-watch', path: '/usr/bin/runc', rule: '-w /usr/bin/runc -p rwxa -k dh' }]);
  });

  it('does not put a watch under /run/containerd in a rules file: that directory is missing at boot', () => {
    const facts = emptyFacts({ files: { '/run/containerd/containerd.sock': { ...file, type: 'socket' }, '/run/containerd': dir }, audit: loaded() });
    const out = rule('1.1.8').remediate!(facts, params);
    expect(out).toEqual([expect.objectContaining({ kind: 'manual' })]);
    expect((out[0] as { text: string }).text).toContain('-w /run/containerd/containerd.sock -p rwxa -k dh');
  });

  it('watches every place a binary is installed, and nothing more once they are covered', () => {
    const facts = emptyFacts({ files: { '/usr/bin/runc': file, '/usr/sbin/runc': file }, audit: loaded('-w /usr/bin/runc -k docker') });
    expect(statuses(rule('1.1.18'), facts)).toEqual(['pass', 'fail']);
    const out = rule('1.1.18').remediate!(facts, params);
    expect(out).toEqual([{ kind: 'audit-watch', path: '/usr/sbin/runc', rule: '-w /usr/sbin/runc -p rwxa -k dh' }]);
    const after = emptyFacts({ ...facts, audit: loaded('-w /usr/bin/runc -k docker', '-w /usr/sbin/runc -p rwxa -k dh') });
    expect(rule('1.1.18').remediate!(after, params)).toEqual([]);
  });

  it('watches the docker.sock the daemon serves and the docker.socket unit', () => {
    const facts = emptyFacts({
      dockerd: { pid: 1, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd', '-H', 'fd://'] },
      systemd: { service: null, socket: { path: '/usr/lib/systemd/system/docker.socket', content: '[Socket]\nListenStream=/run/docker.sock\n', dropIns: [] } },
      files: { '/run/docker.sock': file, '/run': dir },
      audit: loaded('-w /var/run/docker.sock -k docker'),
    });
    const results = rule('1.1.9').check(facts);
    expect(results.map((r) => [r.status, r.evidence[0].path])).toEqual([
      ['pass', '/run/docker.sock'],
      ['fail', '/usr/lib/systemd/system/docker.socket'],
    ]);
  });
});

describe('1.1.1, 1.1.2, 1.2.x', () => {
  it('fails a data root on / even when it moved to /srv/docker, and warns without mount facts', () => {
    const facts = emptyFacts({
      daemonJson: { path: '/etc/docker/daemon.json', raw: '{"data-root":"/srv/docker"}', parsed: { 'data-root': '/srv/docker' } },
      dataRootMount: { mountPoint: '/', device: '/dev/sda1', fsType: 'ext4' },
    });
    const [result] = rule('1.1.1').check(facts);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('/srv/docker');
    expect(rule('1.1.1').remediate!(facts, params).map((c) => c.kind)).toEqual(['manual']);
    expect(statuses(rule('1.1.1'), emptyFacts({ probes: { mounts: { status: 'error' } } }))).toEqual(['warn']);
    const unrelated = emptyFacts({ dataRootMount: { mountPoint: '/home', device: '/dev/sdb1', fsType: 'ext4' } });
    expect(statuses(rule('1.1.1'), unrelated)).toEqual(['warn']);
  });

  it('lists docker group members for review, passes an empty group, stays manual when unknown', () => {
    const [manual] = rule('1.1.2').check(emptyFacts({ dockerGroupMembers: ['alice', 'ci'] }));
    expect(manual.status).toBe('manual');
    expect(manual.evidence[0].detail).toBe('docker group members: alice, ci');
    expect(statuses(rule('1.1.2'), emptyFacts({ dockerGroupMembers: [] }))).toEqual(['pass']);
    const [unknown] = rule('1.1.2').check(emptyFacts({ probes: { users: { status: 'permission-denied' } } }));
    expect(unknown.status).toBe('manual');
    expect(unknown.evidence[0].detail).toBe('users probe permission-denied');
  });

  it('reports the engine version for 1.2.2 and stays manual', () => {
    const engine = {
      host: 'unix:///var/run/docker.sock',
      info: {},
      containers: [],
      images: [],
      networks: [],
      version: {
        Version: '20.10.24+dfsg1',
        ApiVersion: '1.41',
        Components: [
          { Name: 'Engine', Version: '20.10.24+dfsg1' },
          { Name: 'containerd', Version: '1.6.20' },
          { Name: 'runc', Version: '1.1.5' },
        ],
      },
    };
    const [result] = rule('1.2.2').check(emptyFacts({ engine }));
    expect(result.status).toBe('manual');
    expect(result.evidence[0].detail).toBe('Docker Engine 20.10.24+dfsg1, API 1.41, containerd 1.6.20, runc 1.1.5');
    expect(statuses(rule('1.2.2'), emptyFacts())).toEqual(['manual']);
    expect(statuses(rule('1.2.1'), emptyFacts())).toEqual(['manual']);
  });
});
