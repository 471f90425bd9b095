// Restoring a backup set: every replaced file byte-identical with its old owner and mode, every
// created file removed (and the directories made for it), every permission change undone.
import { readFile, unlink, chmod, chown, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../core/sha256.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { UserError } from '../core/errors.js';
import { resolveUnderRoot } from './host-paths.js';
import { listBackupSets, readManifest, writeManifest, type Manifest } from './backup-set.js';

export interface RollbackResult {
  id: string;
  restored: string[];
  removed: string[];
  permissions: string[];
  manifest: Manifest;
}

export async function rollbackBackupSet(root: string, id?: string): Promise<RollbackResult> {
  const chosen = id ?? (await latestAppliedId(root));
  const { dir, manifest } = await readManifest(root, chosen);
  const restored: string[] = [];
  const removed: string[] = [];
  // Later entries may live in directories earlier ones created: undo in reverse order.
  for (const entry of [...manifest.files].reverse()) {
    const abs = resolveUnderRoot(root, entry.path);
    if (!entry.existed) {
      const gone = await unlink(abs).then(() => true, (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false;
        throw err;
      });
      if (gone) removed.push(entry.path);
      for (const d of entry.createdDirs) await rmdir(path.join(root, d)).catch(() => {});
      continue;
    }
    const saved = await readFile(path.join(dir, 'files', entry.backupFile!));
    if (sha256(saved) !== entry.sha256Before) {
      throw new UserError(`The backup of ${entry.path} in set ${chosen} does not match its recorded sha256; it was not restored.`);
    }
    const current = await readFile(abs).catch(() => null);
    if (current && sha256(current) === entry.sha256Before) continue;
    await writeFileAtomic(abs, saved, { mode: entry.mode, uid: entry.uid, gid: entry.gid });
    restored.push(entry.path);
  }
  const permissions: string[] = [];
  for (const p of manifest.permissions) {
    const abs = resolveUnderRoot(root, p.path);
    await chown(abs, p.before.uid, p.before.gid).catch(() => {});
    await chmod(abs, p.before.mode).catch(() => {});
    permissions.push(p.path);
  }
  await writeManifest(dir, { ...manifest, state: 'rolled-back' });
  return { id: chosen, restored, removed, permissions, manifest };
}

async function latestAppliedId(root: string): Promise<string> {
  const sets = (await listBackupSets(root)).filter((m) => m.state !== 'rolled-back');
  const last = sets.at(-1);
  if (!last) throw new UserError('There is no backup set to roll back.', 'Backup sets are made by `docker-harden apply`.');
  return last.id;
}

