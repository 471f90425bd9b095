// The patch, for real: `patch -o FILE` through main() on an insecure host root (planned against a
// real dockerd) applies cleanly with `patch -p1 -d COPY`, and leaves the same file contents as
// `apply` leaves on another copy; the sidecar carries the modes the patch cannot.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { stopPrivateEngine } from '../support/private-engine.js';
import type { PatchSidecar } from '../../src/patch/render-patch.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { cli } from './support/cli.js';
import { SITE_PROFILE } from './support/insecure-root.js';
import { startOnInsecureRoot, type RootEngine } from './support/second-engine.js';

describeEngine('the emitted patch on a copy of a host root', () => {
  const work = mkdtempSync('/tmp/dh-e2e-patch-');
  const root = path.join(work, 'root');
  const patchFile = path.join(work, 'harden.patch');
  const profile = path.join(work, 'site.yaml');
  let daemon: RootEngine | null = null;
  let plan: Plan;
  const copy = (name: string) => {
    const dir = path.join(work, name);
    execFileSync('cp', ['-a', root, dir]);
    return dir;
  };

  beforeAll(async () => {
    writeFileSync(profile, SITE_PROFILE);
    daemon = await startOnInsecureRoot(root);
    const args = ['--root', root, '--docker-host', daemon.engine.host];
    plan = JSON.parse((await cli(...args, 'plan', '--profile', profile, '--format', 'json')).stdout) as Plan;
    const made = await cli(...args, 'patch', '--profile', profile, '-o', patchFile);
    if (made.code !== 0) throw new Error(made.stderr);
  }, 120_000);
  afterAll(async () => {
    if (daemon) await stopPrivateEngine(daemon.engine);
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('applies cleanly with patch -p1 and gives the files apply writes', async () => {
    const viaPatch = copy('via-patch');
    const result = spawnSync('patch', ['-p1', '--batch', '--forward', '-d', viaPatch, '-i', patchFile], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(spawnSync('sh', ['-c', `find ${viaPatch} -name '*.rej' -o -name '*.orig'`], { encoding: 'utf8' }).stdout).toBe('');

    const viaApply = copy('via-apply');
    const applied = await cli('--root', viaApply, '--docker-host', daemon!.engine.host, 'apply', '--profile', profile, '--yes');
    expect(applied.code, applied.stderr).toBe(0);
    const changed = plan.files.filter((f) => f.kind !== 'unchanged');
    expect(changed.length).toBeGreaterThan(1);
    for (const f of changed) {
      const a = path.join(viaPatch, f.path);
      const b = path.join(viaApply, f.path);
      expect(existsSync(a), f.path).toBe(existsSync(b));
      if (existsSync(b)) expect(readFileSync(a, 'utf8'), f.path).toBe(readFileSync(b, 'utf8'));
    }
  });

  it('has a sidecar with the mode, owner and group apply gives each file', () => {
    const sidecar = JSON.parse(readFileSync(`${patchFile}.json`, 'utf8')) as PatchSidecar;
    const viaApply = path.join(work, 'via-apply');
    expect(sidecar.files.map((f) => f.path)).toEqual(plan.files.filter((f) => f.kind !== 'unchanged').map((f) => f.path));
    for (const f of sidecar.files) {
      const st = statSync(path.join(viaApply, f.path));
      expect((st.mode & 0o7777).toString(8).padStart(4, '0'), f.path).toBe(f.mode.padStart(4, '0'));
      expect([st.uid, st.gid], f.path).toEqual([0, 0]);
      expect([f.owner, f.group]).toEqual(['root', 'root']);
    }
    expect(sidecar.permissions.map((p) => p.path)).toEqual(plan.permissions.map((p) => p.path));
    expect(sidecar.steps.map((s) => s.command)).toEqual(plan.steps.map((s) => s.command));
  });
});
