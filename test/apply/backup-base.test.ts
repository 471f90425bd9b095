// Backup sets in a folder other than /var/backups/docker-harden: apply, list and rollback agree
// on it, the default place stays empty, and the folder is confined to the root like every target.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { rollbackBackupSet } from '../../src/apply/rollback.js';
import { BACKUP_BASE, listBackupSets, readManifest } from '../../src/apply/backup-set.js';
import { backupBaseFromDir, rollbackCommand } from '../../src/apply/backup-base.js';
import { makeRoot, samplePlan, DAEMON_BEFORE } from '../support/sample-plan.js';

const BASE = '/srv/keep/sets';

describe("a backup folder of the caller's choosing", () => {
  it('apply writes the set there, list and rollback read it there, and the default place is not made', async () => {
    const root = makeRoot();
    const { backupId } = await applyPlan(samplePlan(), { root, backupDir: BASE });
    expect(readdirSync(path.join(root, BASE))).toEqual([backupId]);
    expect(existsSync(path.join(root, BACKUP_BASE))).toBe(false);
    expect((await listBackupSets(root, BASE)).map((m) => m.id)).toEqual([backupId]);
    expect(await listBackupSets(root)).toEqual([]);
    await expect(readManifest(root, backupId!)).rejects.toThrow(`There is no backup set "${backupId}" under ${path.join(root, BACKUP_BASE)}.`);

    const rb = await rollbackBackupSet(root, undefined, BASE);
    expect(rb.id).toBe(backupId);
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_BEFORE);
    expect((await readManifest(root, backupId!, BASE)).manifest.state).toBe('rolled-back');
  });

  it('refuses a folder that is, or passes through, a link leading out of the root; nothing is written', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'dh-backup-out-'));
    for (const link of ['/srv', '/srv/keep/sets']) {
      const root = makeRoot();
      mkdirSync(path.join(root, path.dirname(link)), { recursive: true });
      symlinkSync(outside, path.join(root, link));
      await expect(applyPlan(samplePlan(), { root, backupDir: BASE })).rejects.toThrow(/is a symbolic link that leads outside the root/);
      await expect(listBackupSets(root, BASE)).rejects.toThrow(/symbolic link that leads outside the root/);
      expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_BEFORE);
    }
    expect(readdirSync(outside)).toEqual([]);
    rmSync(outside, { recursive: true });
  });

  it('refuses a folder that is not a plain path under the root', async () => {
    const root = makeRoot();
    for (const bad of ['relative/sets', '/srv/../../etc', '/']) {
      await expect(applyPlan(samplePlan(), { root, backupDir: bad })).rejects.toThrow(/not a plain absolute path/);
    }
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_BEFORE);
  });

  it('maps --backup-dir to a folder under the root, refusing one outside it, and prints a rollback that names both', () => {
    expect(backupBaseFromDir('/p', 'keep/sets', '/p')).toBe('/keep/sets');
    expect(backupBaseFromDir('/p', '/p/.docker-harden/backups')).toBe('/.docker-harden/backups');
    for (const outside of ['/p', '/q/sets', '../sets']) expect(() => backupBaseFromDir('/p', outside, '/p')).toThrow(/is not inside the root \/p/);
    expect(rollbackCommand('/', BACKUP_BASE, 'ID')).toBe('docker-harden rollback ID');
    expect(rollbackCommand('/my app', '/.docker-harden/backups', 'ID')).toBe(
      "docker-harden --root '/my app' rollback ID --backup-dir '/my app/.docker-harden/backups'",
    );
  });
});
