// The audit probe against the real kernel audit subsystem: a rule this test loads must show up
// exactly as `auditctl -l` prints it. Only the rule added here is removed afterwards.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAuditctlList, probeAudit } from '../../src/probes/audit-probe.js';
import { tempRoot, type TempRoot } from './temp-root.js';

const canAudit = process.getuid?.() === 0 && (() => {
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
    } catch { /* not loaded */ }
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
    expect(parseAuditctlList('-w /etc/docker -p rwxa -k docker\n-a always,exit -F arch=b64 -S all -F path=/run/containerd -F perm=wa -k docker\n')).toHaveLength(2);
  });
});
