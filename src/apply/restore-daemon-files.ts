// Putting the daemon's own files (daemon.json, unit drop-ins) back from a backup set, and only
// those: what an apply does when the canary shows its daemon settings stop containers. The rest
// of the apply stands, and a full rollback of the set still works (restored files already match).
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../core/sha256.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { UserError } from '../core/errors.js';
import { confinedPath } from './host-paths.js';
import { readRegularFile } from './confined-fs.js';
import { readManifest } from './backup-set.js';

export async function restoreDaemonFiles(root: string, id: string, paths: ReadonlySet<string>): Promise<string[]> {
  const { dir, manifest } = await readManifest(root, id);
  const done: string[] = [];
  for (const entry of [...manifest.files].reverse()) {
    if (!paths.has(entry.path)) continue;
    const { abs } = confinedPath(root, entry.path, 'write');
    if (!entry.existed) {
      await unlink(abs).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      done.push(entry.path);
      continue;
    }
    const saved = await readRegularFile(path.join(dir, 'files', entry.backupFile!), `the backup of ${entry.path}`);
    if (!saved || sha256(saved.bytes) !== entry.sha256Before) {
      throw new UserError(`The backup of ${entry.path} in set ${id} does not match its recorded sha256; it was not restored.`);
    }
    await writeFileAtomic(abs, saved.bytes, { mode: entry.mode, uid: entry.uid, gid: entry.gid });
    done.push(entry.path);
  }
  return done;
}
