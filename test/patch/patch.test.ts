// The patch applies with GNU patch and with git apply, and gives the same files as apply.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { renderPatch, renderPatchSidecar } from '../../src/patch/render-patch.js';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { makeRoot, samplePlan, DAEMON_AFTER, DROPIN_AFTER } from '../support/sample-plan.js';

const noNewline = {
  path: '/etc/docker/plain.txt',
  kind: 'modify' as const,
  before: 'a\nb\nc',
  after: 'a\nB\nc',
  mode: 0o644,
  owner: 'root',
  group: 'root',
  beforeSha256: null,
  closes: [],
  artifact: 'daemon-json' as const,
};

describe('patch', () => {
  it('applies cleanly with patch -p1 and matches what apply writes', async () => {
    const plan = samplePlan([noNewline]);
    const viaPatch = makeRoot();
    writeFileSync(path.join(viaPatch, 'etc/docker/plain.txt'), 'a\nb\nc');
    const patchFile = path.join(viaPatch, '..', `${path.basename(viaPatch)}.patch`);
    writeFileSync(patchFile, renderPatch(plan));
    const res = spawnSync('patch', ['-p1', '-d', viaPatch, '-i', patchFile, '--batch'], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);

    const viaApply = makeRoot();
    writeFileSync(path.join(viaApply, 'etc/docker/plain.txt'), 'a\nb\nc');
    const { sha256 } = await import('../../src/core/sha256.js');
    plan.files[2].beforeSha256 = sha256('a\nb\nc');
    await applyPlan(plan, { root: viaApply });
    for (const f of ['etc/docker/daemon.json', 'etc/systemd/system/docker.socket.d/50-docker-harden.conf', 'etc/docker/plain.txt']) {
      expect(readFileSync(path.join(viaPatch, f), 'utf8')).toBe(readFileSync(path.join(viaApply, f), 'utf8'));
    }
    expect(readFileSync(path.join(viaPatch, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_AFTER);
    expect(readFileSync(path.join(viaPatch, 'etc/systemd/system/docker.socket.d/50-docker-harden.conf'), 'utf8')).toBe(DROPIN_AFTER);
  });

  it('applies with git apply --directory as well', () => {
    const root = makeRoot();
    const patchFile = path.join(root, '..', `${path.basename(root)}-git.patch`);
    writeFileSync(patchFile, renderPatch(samplePlan()));
    spawnSync('git', ['init', '-q'], { cwd: root });
    const res = spawnSync('git', ['apply', '--unsafe-paths', '-p1', patchFile], { cwd: root, encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_AFTER);
  });

  it('lists modes, owners and steps a patch cannot carry in the sidecar', () => {
    const sidecar = renderPatchSidecar(samplePlan());
    expect(sidecar.files).toContainEqual({ path: '/etc/docker/daemon.json', mode: '0644', owner: 'root', group: 'root' });
    expect(sidecar.permissions).toEqual([{ path: '/etc/default-docker', mode: '0644', owner: 'root', group: 'root' }]);
    expect(sidecar.steps).toEqual([{ description: 'Reload systemd units', command: ['systemctl', 'daemon-reload'] }]);
  });
});
