// The folder that holds backup sets, as a path under the root like every other path apply
// touches: /var/backups/docker-harden for a host, /.docker-harden/backups for a project. A folder
// the user names (--backup-dir) must lie inside the root; a symbolic link on the way that leads
// out of it is refused when the folder is used (resolveUnderRoot in host-paths.ts).
import path from 'node:path';
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { assertPlainHostPath } from '../core/host-path.js';
import { shellQuote } from '../core/shell-quote.js';
import { resolveUnderRoot } from './host-paths.js';

/** Where apply keeps backup sets on a host (under the root). */
export const BACKUP_BASE = '/var/backups/docker-harden';

/** Where `dockerfile --fix` keeps them, under the project directory. */
export const PROJECT_BACKUP_BASE = '/.docker-harden/backups';

/** A backup folder under the root; refuses a relative path, "..", or the root itself. */
export function checkBackupBase(base: string): string {
  assertPlainHostPath(base, 'the backup folder');
  return base;
}

/**
 * The path under `root` of a folder given on this machine (`--backup-dir DIR`, relative to `cwd`).
 * Compared as written and, failing that, with links resolved (a root reached through /tmp → ...).
 */
export function backupBaseFromDir(root: string, dir: string, cwd = process.cwd(), inside = `the root ${root}`): string {
  const abs = path.resolve(cwd, dir);
  for (const [r, d] of [
    [root, abs],
    [realOrSelf(root), realOfExisting(abs)],
  ]) {
    const rel = path.relative(r, d);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return checkBackupBase('/' + rel.split(path.sep).join('/'));
  }
  throw new UserError(
    `--backup-dir ${dir} is not inside ${inside}; backup sets are kept inside it, so nothing was written.`,
    `Name a folder inside ${root}, or leave out --backup-dir.`,
  );
}

/**
 * The folder on this machine, checked like the parents of every path apply writes, and itself too:
 * it is read (readdir) and written into, so a link there that leads out of the root is refused.
 */
export function resolveBackupBase(root: string, base: string): string {
  const abs = resolveUnderRoot(root, checkBackupBase(base));
  if (!lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) return abs;
  const realRoot = realOrSelf(root);
  const real = realOrSelf(abs);
  if (real !== abs && (realRoot === '/' || real === realRoot || real.startsWith(realRoot + path.sep))) return real;
  throw new UserError(
    `Refusing the backup folder ${base}: ${abs} is a symbolic link that leads outside the root ${root} (or nowhere); nothing was changed.`,
    'Make it a real folder inside the root, or name another with --backup-dir.',
  );
}

/** The folder on this machine, for messages. */
export function backupDirOnDisk(root: string, base: string): string {
  return path.join(root, base);
}

/** A rollback command line that works when copied: root and backup folder spelled out, each quoted. */
export function rollbackCommand(root: string, base: string, args: string): string {
  const rootFlag = root !== '/' ? ` --root ${shellQuote(root)}` : '';
  const dirFlag = base !== BACKUP_BASE ? ` --backup-dir ${shellQuote(backupDirOnDisk(root, base))}` : '';
  return `docker-harden${rootFlag} rollback ${args}${dirFlag}`;
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** realpath of the deepest part that exists, with the rest appended (the folder may not exist yet). */
function realOfExisting(abs: string): string {
  let existing = abs;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return path.join(realOrSelf(existing), path.relative(existing, abs));
}
