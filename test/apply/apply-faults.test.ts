// Faults during apply with real mounts: a full tmpfs, a read-only bind mount, and a process
// killed between two files. Needs root (mount); skipped with a reason otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { rollbackBackupSet } from '../../src/apply/rollback.js';
import { listBackupSets } from '../../src/apply/backup-set.js';
import { makeRoot, samplePlan, DAEMON_AFTER, DAEMON_BEFORE } from '../support/sample-plan.js';

const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
const mounts: string[] = [];
afterEach(() => {
  for (const m of mounts.splice(0).reverse()) spawnSync('umount', [m]);
});

describe.skipIf(!canMount)('apply under faults (real mounts)', () => {
  it('a full disk stops the apply with the failed file untouched, and rollback restores the rest', async () => {
    const root = makeRoot();
    const unitDir = path.join(root, 'etc/systemd/system');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', unitDir]);
    mounts.push(unitDir);
    mkdirSync(path.join(unitDir, 'docker.socket.d'));
    spawnSync('dd', ['if=/dev/zero', `of=${path.join(unitDir, 'fill')}`, 'bs=1k', 'count=64']);
    await expect(applyPlan(samplePlan(), { root })).rejects.toThrow(/Writing stopped \(ENOSPC.*1 of 2 files were replaced/);
    expect(readdirSync(path.join(unitDir, 'docker.socket.d'))).toEqual([]); // no temp file left behind
    expect((await listBackupSets(root))[0].state).toBe('applying');
    const rb = await rollbackBackupSet(root);
    expect(rb.restored).toEqual(['/etc/docker/daemon.json']);
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_BEFORE);
  });

  it('a read-only file system is found before anything is written', async () => {
    const root = makeRoot();
    const dir = path.join(root, 'etc/docker');
    execFileSync('mount', ['--bind', dir, dir]);
    mounts.push(dir);
    execFileSync('mount', ['-o', 'remount,ro,bind', dir]);
    await expect(applyPlan(samplePlan(), { root })).rejects.toThrow(/etc\/docker is on a read-only file system; nothing was written/);
    expect(readFileSync(path.join(dir, 'daemon.json'), 'utf8')).toBe(DAEMON_BEFORE);
    expect(existsSync(path.join(root, 'var/backups'))).toBe(false);
  });
});

describe('apply killed between two files', () => {
  it('leaves each file old or new, never half-written, and rollback still works', async () => {
    const root = makeRoot();
    const planFile = path.join(root, 'plan.json');
    writeFileSync(planFile, JSON.stringify(samplePlan()));
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('test/support/apply-and-die.ts'), planFile, root], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_AFTER);
    expect(existsSync(path.join(root, 'etc/systemd/system/docker.socket.d/50-docker-harden.conf'))).toBe(false);
    const rb = await rollbackBackupSet(root);
    expect(rb.restored).toEqual(['/etc/docker/daemon.json']);
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_BEFORE);
  });
});
