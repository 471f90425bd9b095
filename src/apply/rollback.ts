// Restoring a backup set: every replaced file byte-identical with its old owner and mode, every
// created file removed (and the directories made for it), every permission change undone.
// The manifest is validated first (manifest-check.ts), then every target is checked against the
// root before anything is touched: a symlink or a path leading out stops the whole rollback.
import { unlink, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../core/sha256.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { UserError } from '../core/errors.js';
import { confinedPath } from './host-paths.js';
import { readRegularFile, setOwnerMode } from './confined-fs.js';
import { listBackupSets, readManifest, writeManifest, type Manifest } from './backup-set.js';
import { BACKUP_BASE } from './backup-base.js';
import { DEFAULT_ENDPOINT } from '../plan/docker-cli.js';
import { recoverRecreates, type RecoverResult } from './recreate/recover.js';
import { rollbackRecreated, type RecreateRollbackResult } from './recreate/rollback-recreated.js';

export interface RollbackResult {
  id: string;
  restored: string[];
  removed: string[];
  permissions: string[];
  /** Recreates and rollbacks a killed run left half done, finished first. */
  recovered: RecoverResult[];
  /** Recreated containers: the hardened one removed, the original back under its name. */
  recreated: RecreateRollbackResult[];
  manifest: Manifest;
}

/** `base`: the folder under the root that holds the sets (backup-base.ts). */
export async function rollbackBackupSet(root: string, id?: string, base = BACKUP_BASE): Promise<RollbackResult> {
  const chosen = id ?? (await latestAppliedId(root, base));
  const { dir, manifest } = await readManifest(root, chosen, base);
  preflight(root, manifest);
  // Containers first, the reverse of apply (they were recreated after the files and the daemon restart).
  const endpoint = manifest.endpoint ?? DEFAULT_ENDPOINT;
  const recovered = manifest.recreated?.length ? await recoverRecreates(root, endpoint, base) : [];
  const recreated = manifest.recreated?.length ? await rollbackRecreated(root, (await readManifest(root, chosen, base)).manifest, endpoint, base) : [];
  const restored: string[] = [];
  const removed: string[] = [];
  // Later entries may live in directories earlier ones created: undo in reverse order.
  for (const entry of [...manifest.files].reverse()) {
    const { abs } = confinedPath(root, entry.path, 'write');
    if (!entry.existed) {
      const gone = await unlink(abs).then(
        () => true,
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return false;
          throw err;
        },
      );
      if (gone) removed.push(entry.path);
      // Only empty directories go, and rmdir never follows a link (it fails with ENOTDIR).
      for (const d of entry.createdDirs) await rmdir(confinedPath(root, d, 'remove-dir').abs).catch(() => {});
      continue;
    }
    const saved = await readRegularFile(path.join(dir, 'files', entry.backupFile!), `the backup of ${entry.path}`);
    if (!saved || sha256(saved.bytes) !== entry.sha256Before) {
      throw new UserError(`The backup of ${entry.path} in set ${chosen} does not match its recorded sha256; it was not restored.`);
    }
    const current = await readRegularFile(abs, entry.path);
    if (current && sha256(current.bytes) === entry.sha256Before) continue;
    await writeFileAtomic(abs, saved.bytes, { mode: entry.mode, uid: entry.uid, gid: entry.gid });
    restored.push(entry.path);
  }
  const permissions: string[] = [];
  for (const p of manifest.permissions) {
    const target = confinedPath(root, p.path, 'permissions');
    if (!target.stat) continue;
    await setOwnerMode(target.abs, target.stat, p.before, p.path).catch((err: NodeJS.ErrnoException) => {
      if (err instanceof UserError) throw err;
      throw new UserError(
        `Could not restore the owner and mode of ${p.path} (${err.code ?? err.message}); the files above were restored.`,
        'Run the rollback as root.',
      );
    });
    permissions.push(p.path);
  }
  // Read again: the container entries above have changed phase since the start.
  const latest = manifest.recreated?.length ? (await readManifest(root, chosen, base)).manifest : manifest;
  await writeManifest(dir, { ...latest, state: 'rolled-back' });
  return { id: chosen, restored, removed, permissions, recovered, recreated, manifest: latest };
}

/** Every path checked before the first change, so a refusal leaves the host as it was. */
function preflight(root: string, manifest: Manifest): void {
  for (const entry of manifest.files) {
    confinedPath(root, entry.path, 'write');
    for (const d of entry.createdDirs) confinedPath(root, d, 'remove-dir');
  }
  for (const p of manifest.permissions) confinedPath(root, p.path, 'permissions');
}

async function latestAppliedId(root: string, base: string): Promise<string> {
  const sets = (await listBackupSets(root, base)).filter((m) => m.state !== 'rolled-back');
  const last = sets.at(-1);
  if (!last) throw new UserError('There is no backup set to roll back.', 'Backup sets are made by `docker-harden apply`.');
  return last.id;
}
