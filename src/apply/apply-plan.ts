// Writing a plan: check every target still holds what the plan was made from, back everything
// up (manifest first), then replace each file atomically and fix permissions. A second apply of
// the same plan finds every file already in its final state and writes nothing.
// Every target is checked against the root first (see host-paths.ts): a symlink is reported,
// never followed, and nothing is written when any target fails the check.
import { stat, lstat, mkdir, unlink, access, constants } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../core/sha256.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { UserError } from '../core/errors.js';
import type { FileChange, PermissionChange, Plan } from '../plan-model/plan.js';
import { confinedPath, resolveUnderRoot, lookupId } from './host-paths.js';
import { readRegularFile, setOwnerMode } from './confined-fs.js';
import { createBackupDir, newBackupId, saveOriginal, writeManifest, type BackupFileEntry, type BackupPermissionEntry, type Manifest } from './backup-set.js';
import { BACKUP_BASE, backupDirOnDisk, rollbackCommand } from './backup-base.js';

export interface ApplyOptions {
  root: string;
  /** The folder under the root for the backup set (default /var/backups/docker-harden; see backup-base.ts). */
  backupDir?: string;
  now?: Date;
  onFile?(path: string): void;
}

export interface ApplyResult {
  backupId: string | null;
  written: string[];
  permissions: string[];
  /** Files already in their final state (a repeated apply). */
  alreadyApplied: string[];
}

interface PendingFile {
  change: FileChange;
  abs: string;
  current: { bytes: Buffer; stat: Stats } | null;
}
interface PendingPermission {
  change: PermissionChange;
  abs: string;
  before: { mode: number; uid: number; gid: number };
  after: { mode: number; uid: number; gid: number };
}

export async function applyPlan(plan: Plan, opts: ApplyOptions): Promise<ApplyResult> {
  const { files, alreadyApplied } = await preflightFiles(plan.files, opts.root);
  const perms = await preflightPermissions(plan.permissions, opts.root);
  if (files.length === 0 && perms.length === 0) return { backupId: null, written: [], permissions: [], alreadyApplied };

  const id = newBackupId(opts.now);
  const base = opts.backupDir ?? BACKUP_BASE;
  let dir: string;
  const entries: BackupFileEntry[] = [];
  try {
    dir = await createBackupDir(opts.root, id, base);
    for (const [i, f] of files.entries()) entries.push(await backupEntry(dir, i, f, opts.root));
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(
      `Could not create the backup set (${(err as Error).message}); nothing was changed.`,
      `Free space in ${backupDirOnDisk(opts.root, base)} or make it writable, then run again.`,
    );
  }
  const permEntries: BackupPermissionEntry[] = perms.map((p) => ({ path: p.change.path, before: p.before, after: p.after }));
  const manifest: Manifest = {
    version: 1,
    id,
    createdAt: (opts.now ?? new Date()).toISOString(),
    profile: plan.profile,
    state: 'applying',
    files: entries,
    permissions: permEntries,
    steps: plan.steps,
  };
  await writeManifest(dir, manifest);

  const written: string[] = [];
  try {
    for (const [i, f] of files.entries()) {
      for (const d of [...entries[i].createdDirs].reverse()) await mkdir(resolveUnderRoot(opts.root, d), { mode: 0o755 }).catch(() => {});
      if (f.change.kind === 'delete') await unlink(f.abs);
      else
        await writeFileAtomic(f.abs, f.change.after ?? '', {
          mode: f.change.mode,
          uid: lookupId(opts.root, 'user', f.change.owner),
          gid: lookupId(opts.root, 'group', f.change.group),
        });
      written.push(f.change.path);
      opts.onFile?.(f.change.path);
    }
    for (const p of perms) {
      // Looked at again: a file written above is a new inode, and the check must be of what is there now.
      const now = confinedPath(opts.root, p.change.path, 'permissions');
      if (now.stat) await setOwnerMode(now.abs, now.stat, p.after, p.change.path);
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UserError(
      `Writing stopped (${e.code ?? ''} ${e.message}); ${written.length} of ${files.length} files were replaced, each one whole, and the rest are untouched.`,
      `Undo what was written with: ${rollbackCommand(opts.root, base, id)}`,
    );
  }
  await writeManifest(dir, { ...manifest, state: 'applied' });
  return { backupId: id, written, permissions: perms.map((p) => p.change.path), alreadyApplied };
}

async function preflightFiles(changes: FileChange[], root: string): Promise<{ files: PendingFile[]; alreadyApplied: string[] }> {
  const files: PendingFile[] = [];
  const alreadyApplied: string[] = [];
  for (const change of changes) {
    if (change.kind === 'unchanged') continue;
    const { abs } = confinedPath(root, change.path, 'write');
    const current = await readRegularFile(abs, change.path);
    const currentSha = current === null ? null : sha256(current.bytes);
    const finalSha = change.after === null ? null : sha256(change.after);
    if (currentSha === finalSha) {
      alreadyApplied.push(change.path);
      continue;
    }
    if (currentSha !== change.beforeSha256) {
      throw new UserError(
        `${change.path} changed since the plan was made (its sha256 is now ${currentSha ?? 'absent'}, the plan expected ${change.beforeSha256 ?? 'absent'}); nothing was written.`,
        'Make the plan again from the current host and review it.',
      );
    }
    await assertWritable(change.path, abs);
    files.push({ change, abs, current });
  }
  return { files, alreadyApplied };
}

/** A read-only file system or missing permission is found before anything is written. */
async function assertWritable(hostPath: string, abs: string): Promise<void> {
  let dir = path.dirname(abs);
  while (!(await stat(dir).catch(() => null))) dir = path.dirname(dir);
  try {
    await access(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EROFS' ? 'is on a read-only file system' : `is not writable (${code})`;
    throw new UserError(
      `Cannot write ${hostPath}: ${dir} ${why}; nothing was written.`,
      'Run as root on a writable system, or pass --root DIR for a copy of the host files.',
    );
  }
}

async function preflightPermissions(changes: PermissionChange[], root: string): Promise<PendingPermission[]> {
  const out: PendingPermission[] = [];
  for (const change of changes) {
    const { abs, stat: st } = confinedPath(root, change.path, 'permissions');
    if (!st) continue; // gone since the plan: nothing to fix
    const before = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
    const after = {
      // The plan's mode is the most permissive allowed: bits outside it are removed, none added.
      mode: change.mode === undefined ? before.mode : before.mode & change.mode,
      uid: lookupId(root, 'user', change.owner) ?? before.uid,
      gid: lookupId(root, 'group', change.group) ?? before.gid,
    };
    if (after.mode === before.mode && after.uid === before.uid && after.gid === before.gid) continue;
    out.push({ change, abs, before, after });
  }
  return out;
}

async function backupEntry(dir: string, index: number, f: PendingFile, root: string): Promise<BackupFileEntry> {
  // Missing parent directories, deepest first: apply creates them, rollback removes them again.
  const createdDirs: string[] = [];
  for (let d = path.dirname(f.change.path); d !== '/'; d = path.dirname(d)) {
    if (await lstat(resolveUnderRoot(root, d)).catch(() => null)) break;
    createdDirs.push(d);
  }
  const base = { path: f.change.path, sha256Before: f.change.beforeSha256, sha256After: f.change.after === null ? null : sha256(f.change.after), createdDirs };
  if (f.current === null) return { ...base, existed: false };
  const st = f.current.stat;
  const backupFile = await saveOriginal(dir, index, f.current.bytes);
  return { ...base, existed: true, backupFile, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
}
