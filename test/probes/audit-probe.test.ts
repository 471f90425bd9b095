// The audit probe against the real kernel audit subsystem: a rule this test loads must show up
// exactly as `auditctl -l` prints it. Only the rule added here is removed afterwards.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAuditctlList, probeAudit } from '../../src/probes/audit-probe.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import { auditDockerServiceRule } from '../../src/rules/section1/1-1-7-audit-docker-service.js';
import { tempRoot, type TempRoot } from './temp-root.js';

const canAudit =
  process.getuid?.() === 0 &&
  (() => {
    try {
      execFileSync('auditctl', ['-l'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

let root: TempRoot;
afterEach(() => root?.remove());

describe.skipIf(!canAudit)('probeAudit on the live host', () => {
  const watched = mkdtempSync(path.join(tmpdir(), 'dh-audit-'));
  const key = `dh-probe-${path.basename(watched).slice(-6)}`;
  const rule = ['-w', watched, '-p', 'wa', '-k', key];
  afterAll(() => {
    try {
      execFileSync('auditctl', ['-W', ...rule.slice(1)], { stdio: 'ignore' });
    } catch {
      /* not loaded */
    }
    rmSync(watched, { recursive: true, force: true });
  });

  it('lists the rules the kernel has loaded', async () => {
    execFileSync('auditctl', rule);
    const { value, status } = await probeAudit('/');
    expect(status.status).toBe('ok');
    expect(value.loadedRules).toContain(`-w ${watched} -p wa -k ${key}`);
    // The same line auditctl itself prints for this key (other rules may come and go meanwhile).
    const own = parseAuditctlList(execFileSync('auditctl', ['-l', '-k', key], { encoding: 'utf8' }));
    expect(value.loadedRules!.filter((l) => l.endsWith(`-k ${key}`))).toEqual(own);
  });

  it('records where a loaded watch through a symlinked directory really points', async () => {
    mkdirSync(path.join(watched, 'real'));
    symlinkSync('real', path.join(watched, 'link'));
    const viaLink = ['-w', path.join(watched, 'link', 'docker.service'), '-p', 'wa', '-k', key];
    execFileSync('auditctl', viaLink);
    try {
      const { value } = await probeAudit('/');
      expect(value.loadedRules).toContain(`-w ${watched}/link/docker.service -p wa -k ${key}`);
      expect(value.realPaths?.[`${watched}/link/docker.service`]).toBe(`${watched}/real/docker.service`);
    } finally {
      execFileSync('auditctl', ['-W', ...viaLink.slice(1)], { stdio: 'ignore' });
    }
  });
});

describe('probeAudit', () => {
  it('reads rules.d files under --root and does not ask the kernel', async () => {
    root = tempRoot();
    root.write('/etc/audit/rules.d/50-docker.rules', '-w /usr/bin/dockerd -k docker\n');
    root.write('/etc/audit/rules.d/10-base.rules', '-D\n');
    root.write('/etc/audit/rules.d/README', 'not a rules file');
    const { value, status } = await probeAudit(root.dir);
    expect(value).toEqual({
      loadedRules: null,
      rulesFiles: [
        { path: '/etc/audit/rules.d/10-base.rules', content: '-D\n' },
        { path: '/etc/audit/rules.d/50-docker.rules', content: '-w /usr/bin/dockerd -k docker\n' },
      ],
      realPaths: { '/usr/bin/dockerd': '/usr/bin/dockerd' },
    });
    expect(status).toEqual({ status: 'ok', message: '2 files in /etc/audit/rules.d; loaded rules not read for --root' });
  });

  it('reports a missing auditctl as missing, not as a crash', async () => {
    const { value, status } = await probeAudit('/', { auditctl: 'auditctl-not-installed-here' });
    expect(value.loadedRules).toBeNull();
    expect(status.status).toBe('missing');
    expect(status.message).toMatch(/^auditctl is not installed/);
  });

  it('reads "No rules" as an empty list', () => {
    expect(parseAuditctlList('No rules\n')).toEqual([]);
    expect(
      parseAuditctlList('-w /etc/docker -p rwxa -k docker\n-a always,exit -F arch=b64 -S all -F path=/run/containerd -F perm=wa -k docker\n'),
    ).toHaveLength(2);
  });
});

describe('probeAudit: where the paths the rules name really are', () => {
  it('resolves a symlinked directory (lib -> usr/lib) inside the root, keeping the last component', async () => {
    root = tempRoot();
    root.write('/usr/lib/systemd/system/docker.service', '[Service]\nExecStart=/usr/sbin/dockerd\n');
    root.symlink('/lib', 'usr/lib');
    // An absolute link and a link climbing above the root both stay inside it, as in a chroot.
    root.symlink('/opt/abs', '/srv');
    root.symlink('/opt/up', '../../../../../../srv');
    root.write('/srv/daemon.json', '{}\n');
    root.symlink('/etc/docker/daemon.json', '/srv/daemon.json');
    root.write(
      '/etc/audit/rules.d/50-docker.rules',
      [
        '-w /lib/systemd/system/docker.service -k docker',
        '-w /lib/systemd/system/docker.socket -k docker',
        '-a always,exit -F path=/var/run/containerd -F perm=war -k docker',
        '-w /opt/abs/x -k docker',
        '-w /opt/up/y -k docker',
        '-w /etc/docker/daemon.json -k docker',
        '-w /nowhere/a/b -k docker',
      ].join('\n'),
    );
    const { value } = await probeAudit(root.dir);
    expect(value.realPaths).toEqual({
      '/lib/systemd/system/docker.service': '/usr/lib/systemd/system/docker.service',
      // Missing file in an existing directory: the kernel accepts the watch there.
      '/lib/systemd/system/docker.socket': '/usr/lib/systemd/system/docker.socket',
      '/run/containerd': '/run/containerd',
      '/opt/abs/x': '/srv/x',
      '/opt/up/y': '/srv/y',
      // A watch on a symlink watches the link itself, not what it names.
      '/etc/docker/daemon.json': '/etc/docker/daemon.json',
      '/nowhere/a/b': '/nowhere/a/b',
    });
  });

  it('lets 1.1.7 pass for a /lib watch on a host whose unit systemd found under /usr/lib', async () => {
    root = tempRoot();
    const unit = '[Service]\nExecStart=/usr/sbin/dockerd -H fd://\n';
    root.write('/usr/lib/systemd/system/docker.service', unit);
    root.symlink('/lib', 'usr/lib');
    root.write('/etc/audit/rules.d/50-docker.rules', '-w /lib/systemd/system/docker.service -k docker\n');
    const facts = await inspectHost({ root: root.dir, dockerHost: `unix://${root.dir}/none.sock` });
    expect(facts.systemd.service?.path).toBe('/usr/lib/systemd/system/docker.service');
    const [result] = auditDockerServiceRule.check(facts);
    expect(result.status, result.message).toBe('pass');
    expect(result.evidence.map((e) => e.detail)).toContain(
      '/etc/audit/rules.d/50-docker.rules: -w /lib/systemd/system/docker.service -k docker (/lib/systemd/system/docker.service is /usr/lib/systemd/system/docker.service on this host)',
    );
    // The same facts as an older version saved them (no realPaths): the watch is not matched.
    const older = { ...facts, audit: { loadedRules: facts.audit.loadedRules, rulesFiles: facts.audit.rulesFiles } };
    expect(auditDockerServiceRule.check(older)[0].status).toBe('fail');
  });

  it('does not count a /lib watch where /lib is a directory of its own', async () => {
    root = tempRoot();
    root.write('/usr/lib/systemd/system/docker.service', '[Service]\nExecStart=/usr/sbin/dockerd\n');
    root.mkdir('/lib/systemd/system');
    root.write('/etc/audit/rules.d/50-docker.rules', '-w /lib/systemd/system/docker.service -k docker\n');
    const facts = await inspectHost({ root: root.dir, dockerHost: `unix://${root.dir}/none.sock` });
    expect(facts.audit.realPaths).toEqual({ '/lib/systemd/system/docker.service': '/lib/systemd/system/docker.service' });
    expect(auditDockerServiceRule.check(facts)[0].status).toBe('fail');
  });
});
