// `docker-harden plan` through main(): facts from --from or from a host tree under --root, text
// and JSON output, and --check as a drift gate (exit 1 on drift, 0 once applied).
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { applyPlan } from '../../src/apply/apply-plan.js';
import type { Plan } from '../../src/plan-model/plan.js';

const DEBIAN = path.join(FIXTURES_DIR, 'hosts', 'debian-docker-io.json');

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('docker-harden plan --from', () => {
  it('prints each file with its diff, the permission fixes, steps, warnings and what is closed', async () => {
    const r = await run('--from', DEBIAN, '--no-color', 'plan', '--profile', 'baseline');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^  modify    \/etc\/docker\/daemon.json  0644 root:root  closes /m);
    // The fixture indents daemon.json by 4 spaces; the added key follows it.
    expect(r.stdout).toMatch(/^    \+    "live-restore": true$/m);
    expect(r.stdout).toMatch(/^  \/run\/docker.sock  mode 0666 -> 0660  closes 3.16$/m);
    expect(r.stdout).toMatch(/^  \d\. Restart docker.socket and docker.service: systemctl restart docker.socket docker.service$/m);
    expect(r.stdout).toMatch(/^Findings closed$/m);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('--format json prints the plan itself', async () => {
    const r = await run('--from', DEBIAN, 'plan', '--profile', 'strict', '--format', 'json');
    const plan = JSON.parse(r.stdout) as Plan;
    expect(plan.profile).toBe('strict');
    expect(plan.facts).toEqual({ source: 'file', collectedAt: '2026-03-01T10:00:00.000Z', root: '/' });
    expect(plan.files.map((f) => f.artifact)).toContain('daemon-json');
    expect(plan.files.every((f) => f.beforeSha256 === null || /^[0-9a-f]{64}$/.test(f.beforeSha256))).toBe(true);
  });

  it('--check exits 1 on drift; bad input exits 2', async () => {
    const drift = await run('--from', DEBIAN, 'plan', '--profile', 'baseline', '--check');
    expect(drift.code).toBe(1);
    expect(drift.stderr).toBe('The host differs from profile baseline (plan --check).');
    expect((await run('--from', DEBIAN, 'plan', '--profile', 'baseline', '--format', 'yaml')).code).toBe(2);
    expect((await run('--from', DEBIAN, 'plan')).code).toBe(2);
  });
});

describe('docker-harden plan with a daemon.json that does not parse', () => {
  const dir = mkdtempSync('/tmp/dh-plan-broken-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const facts = JSON.parse(readFileSync(DEBIAN, 'utf8'));
  facts.daemonJson = {
    path: '/etc/docker/daemon.json',
    raw: '{\n  "icc": false,\n}\n',
    parsed: null,
    parseError: { message: 'Expected double-quoted property name', line: 3, column: 1 },
  };
  const file = path.join(dir, 'facts.json');
  writeFileSync(file, JSON.stringify(facts));

  it('shows it as refused, then exits 2 (with or without --check)', async () => {
    const r = await run('--from', file, '--no-color', 'plan', '--profile', 'baseline');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^  x \/etc\/docker\/daemon.json does not parse \(line 3: Expected double-quoted property name\); fix it first/m);
    expect(r.stdout).not.toMatch(/^  (modify|create) +\/etc\/docker\/daemon.json/m);
    expect((await run('--from', file, 'plan', '--profile', 'baseline', '--check')).code).toBe(2);
  });
});

describe('docker-harden plan --root (real probes over a host tree)', () => {
  const root = mkdtempSync('/tmp/dh-plan-root-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const d of ['etc/docker', 'lib/systemd/system', 'etc/audit/rules.d', 'usr/sbin', 'etc/default']) mkdirSync(path.join(root, d), { recursive: true });
  for (const unit of ['docker.service', 'docker.socket']) {
    const src = `/lib/systemd/system/${unit}`;
    if (existsSync(src)) copyFileSync(src, path.join(root, 'lib/systemd/system', unit));
  }
  writeFileSync(path.join(root, 'etc/docker/daemon.json'), '{\n    "log-level": "info"\n}\n');
  chmodSync(path.join(root, 'etc/docker/daemon.json'), 0o666);
  writeFileSync(path.join(root, 'usr/sbin/dockerd'), '');
  writeFileSync(path.join(root, 'etc/audit/rules.d/audit.rules'), '-D\n-b 8192\n');
  writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  writeFileSync(path.join(root, 'etc/group'), 'root:x:0:\ndocker:x:998:\n');
  const args = ['--root', root, '--docker-host', `unix://${root}/absent.sock`, '--no-engine', 'plan', '--profile', 'baseline'];

  it('plans from the files under the root, and --check passes once the plan is applied', async () => {
    const first = await run(...args, '--format', 'json');
    expect(first.code).toBe(0);
    const plan = JSON.parse(first.stdout) as Plan;
    expect(plan.facts.root).toBe(root);
    expect(plan.files.map((f) => [f.path, f.kind])).toContainEqual(['/etc/audit/rules.d/docker.rules', 'create']);
    expect(plan.permissions).toContainEqual(expect.objectContaining({ path: '/etc/docker/daemon.json', mode: '0644', fromMode: '0666' }));
    expect((await run(...args, '--check')).code).toBe(1);

    await applyPlan(plan, { root });
    expect(statSync(path.join(root, 'etc/audit/rules.d/docker.rules')).mode & 0o777).toBe(0o640);
    const second = await run(...args, '--check');
    expect(second.stdout).toMatch(/Nothing to change: this host already matches the profile\./);
    expect(second.code).toBe(0);
  });
});
