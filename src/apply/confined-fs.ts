// File operations that act on the thing a path names, never on what a symlink there points to.
// Node has no openat/lchmod, so: open with O_NOFOLLOW and change owner and mode through the
// descriptor (fchown/fchmod); a socket cannot be opened, so it gets lchown and a chmod right
// after an lstat that proves it is still the same socket.
import type { FileHandle } from 'node:fs/promises';
import { open, lstat, lchown, chmod } from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';
import { UserError } from '../core/errors.js';

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK, O_DIRECTORY } = constants;

/** Largest file apply or rollback reads back (daemon.json, unit drop-ins, compose files, manifests). */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

/** The bytes and fstat of a regular file; null when it does not exist. A symlink or special file is refused. */
export async function readRegularFile(abs: string, shownAs: string): Promise<{ bytes: Buffer; stat: Stats } | null> {
  let handle: FileHandle;
  try {
    handle = await open(abs, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new UserError(`Refusing to read ${shownAs}: it is a symbolic link, and links are never followed; nothing was changed.`);
    throw new UserError(`Cannot read ${shownAs} (${code}).`, 'Run as root, or pass --root DIR for a copy of the host files.');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UserError(`Refusing to read ${shownAs}: it is not a regular file; nothing was changed.`);
    if (stat.size > MAX_READ_BYTES)
      throw new UserError(`Refusing to read ${shownAs}: it is ${stat.size} bytes, more than the ${MAX_READ_BYTES} this tool reads.`);
    const bytes = await handle.readFile();
    return { bytes, stat };
  } finally {
    await handle.close();
  }
}

export interface OwnerMode {
  mode: number;
  uid: number;
  gid: number;
}

/**
 * Set owner, then mode (chown clears setuid bits), on the inode `seen` described when the plan
 * was checked. If the path now names something else (a link swapped in), nothing is changed.
 */
export async function setOwnerMode(abs: string, seen: Stats, want: OwnerMode, shownAs: string): Promise<void> {
  const swapped = () => new UserError(`Refusing to change the owner or mode of ${shownAs}: it was replaced while docker-harden ran; nothing more was changed.`);
  if (seen.isSocket()) {
    const now = await lstat(abs);
    if (!sameInode(now, seen) || !now.isSocket()) throw swapped();
    if (now.uid !== want.uid || now.gid !== want.gid) await lchown(abs, want.uid, want.gid);
    // chmod follows links: prove once more the name still holds that socket.
    const again = await lstat(abs);
    if (!sameInode(again, seen) || !again.isSocket()) throw swapped();
    await chmod(abs, want.mode);
    return;
  }
  const flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | (seen.isDirectory() ? O_DIRECTORY : 0);
  const handle = await open(abs, flags).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ELOOP' || err.code === 'ENOTDIR') throw swapped();
    throw err;
  });
  try {
    const now = await handle.stat();
    if (!sameInode(now, seen)) throw swapped();
    // Only what differs: a same-value chown would still need privileges and touch the ctime.
    if (now.uid !== want.uid || now.gid !== want.gid) await handle.chown(want.uid, want.gid);
    await handle.chmod(want.mode);
  } finally {
    await handle.close();
  }
}

function sameInode(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}
