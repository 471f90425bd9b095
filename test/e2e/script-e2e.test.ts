// The emitted script, run for real as root: `script -o FILE` through main() on an insecure host
// root (planned against a real dockerd), then `bash FILE --root COPY` on fresh copies of that
// root: it writes the plan, a second run writes nothing, it refuses a file changed since
// planning, and --rollback restores every file byte-identical.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { stopPrivateEngine } from '../support/private-engine.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { cli } from './support/cli.js';
import { SITE_PROFILE } from './support/insecure-root.js';
import { startOnInsecureRoot, type RootEngine } from './support/second-engine.js';
import { BACKUPS, snapshotTree } from './support/tree.js';

const isRoot = process.getuid?.() === 0;
const hasShellcheck = spawnSync('sh', ['-c', 'command -v shellcheck']).status === 0;

describeEngine('the emitted script on copies of a host root', () => {
  const work = mkdtempSync('/tmp/dh-e2e-script-');
  const root = path.join(work, 'root');
  const script = path.join(work, 'harden.sh');
  const profile = path.join(work, 'site.yaml');
  let daemon: RootEngine | null = null;
  let plan: Plan;
  let before: Record<string, string>;
  let copies = 0;
  const copy = () => {
    const dir = path.join(work, `copy-${++copies}`);
    execFileSync('cp', ['-a', root, dir]);
    return dir;
  };
  const run = (...args: string[]) => spawnSync('bash', [script, ...args], { encoding: 'utf8', cwd: work });

  beforeAll(async () => {
    writeFileSync(profile, SITE_PROFILE);
    daemon = await startOnInsecureRoot(root);
    before = snapshotTree(root);
    const args = ['--root', root, '--docker-host', daemon.engine.host];
    plan = JSON.parse((await cli(...args, 'plan', '--profile', profile, '--format', 'json')).stdout) as Plan;
    const made = await cli(...args, 'script', '--profile', profile, '-o', script);
    if (made.code !== 0) throw new Error(made.stderr);
  }, 120_000);
  afterAll(async () => {
    if (daemon) await stopPrivateEngine(daemon.engine);
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('is written 0700, parses, and is shellcheck-clean', () => {
    expect(statSync(script).mode & 0o777).toBe(0o700);
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
    if (hasShellcheck) expect(spawnSync('shellcheck', ['-s', 'bash', script], { encoding: 'utf8' }).stdout).toBe('');
  });

  it.skipIf(!isRoot)('writes the plan, and a second run writes nothing', () => {
    const dir = copy();
    const first = run('--root', dir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    for (const f of plan.files.filter((x) => x.kind !== 'unchanged')) {
      expect(readFileSync(path.join(dir, f.path), 'utf8'), f.path).toBe(f.after);
      // plan --format json writes modes as octal text ("0640").
      expect(statSync(path.join(dir, f.path)).mode & 0o7777, f.path).toBe(octal(f.mode));
    }
    for (const p of plan.permissions) expect(statSync(path.join(dir, p.path)).mode & 0o7777 & ~(p.mode === undefined ? 0o7777 : octal(p.mode)), p.path).toBe(0);
    expect(first.stdout).toMatch(/step not run under --root/);
    const applied = snapshotTree(dir);
    const second = run('--root', dir);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/Nothing to change: this host already matches the plan\./);
    expect(second.stdout).not.toMatch(/^(wrote|fixed) /m);
    expect(snapshotTree(dir)).toEqual(applied);
  });

  it.skipIf(!isRoot)('refuses, writing nothing, when a file changed since planning', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'etc/docker/daemon.json'), '{"log-level": "warn"}\n');
    const edited = snapshotTree(dir);
    const result = run('--root', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/etc\/docker\/daemon.json changed since the plan was made; nothing was written/);
    expect(snapshotTree(dir)).toEqual(edited);
  });

  it.skipIf(!isRoot)('--rollback restores every file byte-identical, with its owner and mode', () => {
    const dir = copy();
    expect(run('--root', dir).status).toBe(0);
    expect(snapshotTree(dir, [BACKUPS])).not.toEqual(before);
    const back = run('--root', dir, '--rollback');
    expect(back.stderr).toBe('');
    expect(back.status).toBe(0);
    expect(back.stdout).toMatch(/^restored .*\/etc\/docker\/daemon.json$/m);
    expect(snapshotTree(dir, [BACKUPS])).toEqual(before);
  });
});

/** A mode from plan JSON ("0640"), as a number. */
function octal(mode: number | string): number {
  return typeof mode === 'number' ? mode : Number.parseInt(mode, 8);
}
