// Rollback of recreated containers: the hardened container is removed and the original, kept
// stopped as `<name>.pre-harden-<set>`, gets its name, restart policy and running state back. It
// is the same container (same id, mounts and data); only what the recreate did is undone. Each
// entry is marked `rolling-back` first, so a kill in between is finished by `recover`.
import { openEngine } from '../engine-endpoint.js';
import { BACKUP_BASE } from '../backup-set.js';
import type { Manifest } from '../manifest.js';
import { manifestRecorder, parkedName } from './recreate-record.js';
import { restoreOriginal } from './restore-original.js';
import { engineMessage } from './engine-calls.js';

export interface RecreateRollbackResult {
  name: string;
  status: 'restored' | 'failed';
  message: string;
}

export async function rollbackRecreated(root: string, manifest: Manifest, endpoint: string, base = BACKUP_BASE): Promise<RecreateRollbackResult[]> {
  const entries = (manifest.recreated ?? []).filter((e) => e.phase === 'recreated');
  if (entries.length === 0) return [];
  const record = manifestRecorder(root, manifest.id, base);
  const engine = openEngine(endpoint);
  const results: RecreateRollbackResult[] = [];
  try {
    // The last one recreated goes back first: the reverse of the apply.
    for (const e of [...entries].reverse()) {
      try {
        await record({ ...e, phase: 'rolling-back' });
        await restoreOriginal(engine, e, parkedName(e.name, manifest.id));
        await record({ ...e, phase: 'rolled-back' });
        const state = e.wasRunning ? 'running again' : 'stopped, as it was';
        results.push({ name: e.name, status: 'restored', message: `original container ${e.oldId.slice(0, 12)} is back under its name, ${state}` });
      } catch (err) {
        results.push({ name: e.name, status: 'failed', message: engineMessage(err) });
      }
    }
  } finally {
    engine.close();
  }
  return results;
}
