// Atomic file replacement: a temp file in the same directory, fsync, owner and mode set, then
// rename. A crash leaves either the old file or the new one, never half of either.
// The target must not be a symlink or a directory: rename would silently turn a link into a
// file (or, through a link to a directory, land somewhere unexpected), so those are refused.
import { open, rename, unlink, lstat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from './errors.js';

export interface AtomicWriteOptions {
  mode?: number;
  uid?: number;
  gid?: number;
}

export async function writeFileAtomic(file: string, content: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const existing = await lstat(file).catch(() => null);
  if (existing && !existing.isFile()) {
    const what = existing.isSymbolicLink()
      ? 'a symbolic link, and links are never followed or replaced'
      : existing.isDirectory()
        ? 'a directory'
        : 'not a regular file';
    throw new UserError(`Refusing to write ${file}: it is ${what}; nothing was written there.`, 'Name a regular file (or a new one) instead.');
  }
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx' is O_CREAT|O_EXCL: it never opens an existing name, a planted link included.
  const handle = await open(tmp, 'wx', opts.mode ?? 0o644).catch((err: NodeJS.ErrnoException) => {
    // A missing or unwritable folder is a fact about the host, said in one sentence (exit 2).
    const why = {
      ENOENT: 'does not exist',
      ENOTDIR: 'is not a directory',
      EACCES: 'is not writable',
      EPERM: 'is not writable',
      EROFS: 'is on a read-only file system',
    }[err.code ?? ''];
    if (why)
      throw new UserError(
        `Cannot write ${file}: its folder ${dir} ${why}; nothing was written there.`,
        'Create the folder or make it writable, then run again.',
      );
    throw err;
  });
  try {
    await handle.writeFile(content);
    // Owner through the descriptor, before the mode (chown clears setuid bits).
    if (opts.uid !== undefined || opts.gid !== undefined) await handle.chown(opts.uid ?? -1, opts.gid ?? -1);
    if (opts.mode !== undefined) await handle.chmod(opts.mode); // the umask may have narrowed it
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  // Persist the rename itself.
  const dirHandle = await open(dir, 'r').catch(() => null);
  await dirHandle?.sync().catch(() => {});
  await dirHandle?.close();
}
