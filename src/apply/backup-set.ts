// Backup sets: /var/backups/docker-harden/<id>/ (under --root) with a manifest that records, for
// every file an apply touches, its previous bytes, mode, owner and sha256 before and after.
// The manifest is written before the first target changes, so an interrupted apply can be rolled back.
import { mkdir, readFile, readdir, copyFile, lstat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { UserError } from '../core/errors.js';
import type { PlanStep } from '../plan/plan.js';

export const BACKUP_BASE = '/var/backups/docker-harden';

export interface BackupFileEntry {
  path: string;
  existed: boolean;
  /** File name inside the set's files/ folder. */
  backupFile?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  sha256Before: string | null;
  sha256After: string | null;
  /** Directories the apply created for this file (removed again on rollback when empty). */
  createdDirs: string[];
}

export interface BackupPermissionEntry {
  path: string;
  before: { mode: number; uid: number; gid: number };
  after: { mode: number; uid: number; gid: number };
}

/**
 * A container's settings before an apply's `docker update` changed them, as the engine reported
 * them, and the `docker update` arguments that put them back (rollback runs those, never the
 * hardening ones). `unrestorable` names values the engine cannot be told to go back to.
 */
export interface ContainerUndoEntry {
  /** Container name (without the leading slash) and full id at apply time. */
  name: string;
  id: string;
  /** Settings as read from the engine before the update (docker inspect's HostConfig names). */
  before: Record<string, unknown>;
  /** argv after `docker [-H endpoint]`: ["update", "--memory", "0", ..., id]. */
  restoreArgs: string[];
  unrestorable: string[];
}

export interface Manifest {
  version: 1;
  id: string;
  createdAt: string;
  profile: string;
  state: 'applying' | 'applied' | 'rolled-back';
  files: BackupFileEntry[];
  permissions: BackupPermissionEntry[];
  steps: PlanStep[];
  /** The engine endpoint the plan was made for (unix:///..., tcp://...); absent in older sets. */
  endpoint?: string;
  /** Containers changed live by `docker update`, with what rollback restores. */
  containers?: ContainerUndoEntry[];
}

export function backupRoot(root: string): string {
  return path.join(root, BACKUP_BASE);
}

export function newBackupId(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

export async function createBackupDir(root: string, id: string): Promise<string> {
  const dir = path.join(backupRoot(root), id);
  await mkdir(path.join(dir, 'files'), { recursive: true, mode: 0o700 });
  return dir;
}

/** Copy the current file into the set (copyFile keeps bytes; owner and mode are in the manifest). */
export async function saveOriginal(dir: string, index: number, absPath: string): Promise<string> {
  const name = String(index).padStart(4, '0');
  await copyFile(absPath, path.join(dir, 'files', name));
  return name;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
}

export async function readManifest(root: string, id: string): Promise<{ dir: string; manifest: Manifest }> {
  const dir = path.join(backupRoot(root), id);
  let text: string;
  try {
    text = await readFile(path.join(dir, 'manifest.json'), 'utf8');
  } catch {
    throw new UserError(`There is no backup set "${id}" under ${backupRoot(root)}.`, 'List them with `docker-harden rollback --list`.');
  }
  try {
    return { dir, manifest: JSON.parse(text) as Manifest };
  } catch {
    throw new UserError(`The manifest of backup set "${id}" is not valid JSON; it cannot be used for a rollback.`);
  }
}

/** Backup sets, oldest first. */
export async function listBackupSets(root: string): Promise<Manifest[]> {
  let names: string[];
  try {
    names = await readdir(backupRoot(root));
  } catch {
    return [];
  }
  const sets: Manifest[] = [];
  for (const name of names.sort()) {
    const file = path.join(backupRoot(root), name, 'manifest.json');
    if (!(await lstat(file).catch(() => null))) continue;
    try {
      sets.push(JSON.parse(await readFile(file, 'utf8')) as Manifest);
    } catch { /* a broken set is skipped in the list; readManifest reports it by name */ }
  }
  return sets;
}
