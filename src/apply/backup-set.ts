// Backup sets: /var/backups/docker-harden/<id>/ (under --root; another folder under it can be
// given, see backup-base.ts) with a manifest that records, for
// every file an apply touches, its previous bytes, mode, owner and sha256 before and after.
// The manifest is written before the first target changes, so an interrupted apply can be rolled back.
// The set lives inside the root like everything else: no component of its path may be a symlink
// leading out, and a manifest is read back only through manifest-check.ts.
import { mkdir, readdir, writeFile, lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { modesAsNumbers, modesAsText } from '../core/file-mode.js';
import { UserError } from '../core/errors.js';
import { resolveUnderRoot } from './host-paths.js';
import { readRegularFile } from './confined-fs.js';
import { assertBackupSetId, checkManifest, isBackupSetId } from './manifest-check.js';
import { BACKUP_BASE, backupDirOnDisk, checkBackupBase, resolveBackupBase, rollbackCommand } from './backup-base.js';

export { BACKUP_BASE } from './backup-base.js';

export type { BackupFileEntry, BackupPermissionEntry, ContainerUndoEntry, Manifest } from './manifest.js';
import type { Manifest } from './manifest.js';

export function backupRoot(root: string, base = BACKUP_BASE): string {
  return backupDirOnDisk(root, base);
}

export function newBackupId(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** A new, empty set folder (0700) inside the root; an existing one with that id is never reused. */
export async function createBackupDir(root: string, id: string, base = BACKUP_BASE): Promise<string> {
  assertBackupSetId(id);
  const hostDir = `${checkBackupBase(base)}/${id}`;
  // mkdir without `recursive` fails on anything already there, a planted link included.
  const dir = resolveUnderRoot(root, hostDir);
  await mkdir(path.dirname(dir), { recursive: true, mode: 0o700 });
  await mkdir(dir, { mode: 0o700 });
  // The parents were checked before mkdir; check the result too, so a link swapped in meanwhile is caught.
  if ((await realpath(dir)) !== dir)
    throw new UserError(`Refusing the backup set folder ${hostDir}: a part of it became a symbolic link; nothing was changed.`);
  await mkdir(path.join(dir, 'files'), { mode: 0o700 });
  return dir;
}

/** Keep the bytes apply read and checked (never a second read through the path). */
export async function saveOriginal(dir: string, index: number, bytes: Uint8Array): Promise<string> {
  const name = String(index).padStart(4, '0');
  await writeFile(path.join(dir, 'files', name), bytes, { flag: 'wx', mode: 0o600 });
  return name;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(dir, 'manifest.json'), JSON.stringify(manifest, modesAsText, 2) + '\n', { mode: 0o600 });
}

export async function readManifest(root: string, id: string, base = BACKUP_BASE): Promise<{ dir: string; manifest: Manifest }> {
  assertBackupSetId(id);
  const missing = () =>
    new UserError(`There is no backup set "${id}" under ${backupRoot(root, base)}.`, `List them with \`${rollbackCommand(root, base, '--list')}\`.`);
  const hostDir = `${checkBackupBase(base)}/${id}`;
  const dir = resolveUnderRoot(root, hostDir);
  const st = await lstat(dir).catch(() => null);
  if (!st) throw missing();
  if (!st.isDirectory())
    throw new UserError(`Refusing backup set "${id}": its folder is not a directory (a symbolic link or special file); it cannot be used for a rollback.`);
  assertTrusted(st, id, 'folder');
  const file = await readRegularFile(path.join(dir, 'manifest.json'), `${hostDir}/manifest.json`);
  if (!file) throw missing();
  assertTrusted(file.stat, id, 'manifest');
  let data: unknown;
  try {
    data = JSON.parse(file.bytes.toString('utf8'));
  } catch {
    throw new UserError(`The manifest of backup set "${id}" is not valid JSON; it cannot be used for a rollback.`);
  }
  // Modes are written as "0644"; sets made before that hold numbers. Both are checked as numbers.
  return { dir, manifest: checkManifest(modesAsNumbers(data), id) };
}

/** Rollback acts as root on what the manifest says: it must be writable by no one else. */
function assertTrusted(st: { uid: number; mode: number }, id: string, what: string): void {
  const me = process.geteuid?.() ?? 0;
  if ((st.uid === 0 || st.uid === me) && (st.mode & 0o022) === 0) return;
  throw new UserError(
    `Refusing backup set "${id}": its ${what} is owned by uid ${st.uid} or writable by others, so it may not be what apply wrote.`,
    'Check who changed it; apply makes sets owned by root and writable by no one else.',
  );
}

/** Valid backup sets, oldest first; a broken or foreign set is left out (readManifest names its fault). */
export async function listBackupSets(root: string, base = BACKUP_BASE): Promise<Manifest[]> {
  let names: string[];
  try {
    names = await readdir(resolveBackupBase(root, base));
  } catch (err) {
    if (err instanceof UserError) throw err; // a link leading out of the root: refused, not "no sets"
    return [];
  }
  const sets: Manifest[] = [];
  for (const name of names.filter(isBackupSetId).sort()) {
    try {
      sets.push((await readManifest(root, name, base)).manifest);
    } catch (err) {
      if (!(err instanceof UserError)) throw err; // a fault of ours, not of the set
    }
  }
  return sets;
}
