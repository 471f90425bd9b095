// Where a recreate writes down what it is about to do: its entry in the backup set's manifest,
// rewritten (atomically, as every manifest write) before each change to the containers, so a run
// killed at any point leaves a record `recover` can finish from.
import { readManifest, writeManifest, BACKUP_BASE } from '../backup-set.js';
import type { RecreatedEntry } from '../manifest.js';

/** The name the original container is kept under while the hardened one runs. */
export function parkedName(name: string, setId: string): string {
  return `${name}.pre-harden-${setId}`;
}

/** Saves one entry into the set's manifest (replacing the entry of the same original container). */
export type RecordEntry = (entry: RecreatedEntry) => Promise<void>;

const MAX_REASON = 2000;

export function manifestRecorder(root: string, setId: string, base = BACKUP_BASE): RecordEntry {
  // One write at a time: the manifest is read, changed and written whole.
  let queue: Promise<void> = Promise.resolve();
  return (entry) => {
    const next = queue.then(async () => {
      const { dir, manifest } = await readManifest(root, setId, base);
      const saved = entry.reason && entry.reason.length > MAX_REASON ? { ...entry, reason: `${entry.reason.slice(0, MAX_REASON)}…` } : { ...entry };
      const list = manifest.recreated ?? [];
      const recreated = list.some((e) => e.oldId === entry.oldId) ? list.map((e) => (e.oldId === entry.oldId ? saved : e)) : [...list, saved];
      await writeManifest(dir, { ...manifest, recreated });
    });
    queue = next.catch(() => {});
    return next;
  };
}
