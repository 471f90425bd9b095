// What a SIGHUP cannot undo. dockerd's reload applies only the keys daemon.json names: a key the
// apply added and rollback removed again keeps the applied value until the daemon restarts
// (checked on dockerd 20.10: live-restore stays true after `{}` and SIGHUP, goes false after
// `{"live-restore": false}` and SIGHUP). Rollback must say so, not report the reload as the undo.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from './backup-set.js';
import { resolveUnderRoot } from './host-paths.js';

/** Keys of the daemon's JSON files that the restore drops, read before the rollback writes anything. */
export async function keysRollbackDrops(root: string, dir: string, manifest: Manifest): Promise<string[]> {
  const dropped = new Set<string>();
  for (const entry of manifest.files) {
    if (!entry.existed || !entry.backupFile) continue;
    const now = objectIn(await readFile(resolveUnderRoot(root, entry.path), 'utf8').catch(() => ''));
    const before = objectIn(await readFile(path.join(dir, 'files', entry.backupFile), 'utf8').catch(() => ''));
    if (!now || !before) continue;
    for (const key of Object.keys(now)) if (!(key in before)) dropped.add(key);
  }
  return [...dropped].sort();
}

function objectIn(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
