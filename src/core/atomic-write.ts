// Atomic file replacement: a temp file in the same directory, fsync, owner and mode set, then
// rename. A crash leaves either the old file or the new one, never half of either.
import { open, rename, unlink, chown } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface AtomicWriteOptions {
  mode?: number;
  uid?: number;
  gid?: number;
}

export async function writeFileAtomic(file: string, content: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', opts.mode ?? 0o644);
  try {
    await handle.writeFile(content);
    if (opts.mode !== undefined) await handle.chmod(opts.mode); // the umask may have narrowed it
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await handle.close();
  try {
    if (opts.uid !== undefined || opts.gid !== undefined) await chown(tmp, opts.uid ?? -1, opts.gid ?? -1);
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
