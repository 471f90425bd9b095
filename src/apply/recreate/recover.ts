// Finishing what a killed run left half done. Every backup set for this engine is read; an entry
// still `recreating` (the gate never passed) or `rolling-back` is brought to the state that has
// the original container under its own name, running if it was: the same end as a revert or a
// rollback. Entries that finished are left alone: a `recreated` entry's parked original is the
// copy rollback needs, not debris. Runs at the start of every apply and rollback.
import { openEngine } from '../engine-endpoint.js';
import { listBackupSets, BACKUP_BASE } from '../backup-set.js';
import { DEFAULT_ENDPOINT } from '../../plan/docker-cli.js';
import { manifestRecorder, parkedName } from './recreate-record.js';
import { restoreOriginal } from './restore-original.js';
import { engineMessage } from './engine-calls.js';

export interface RecoverResult {
  setId: string;
  name: string;
  status: 'restored' | 'failed';
  message: string;
}

export async function recoverRecreates(root: string, endpoint: string, base = BACKUP_BASE): Promise<RecoverResult[]> {
  const sets = (await listBackupSets(root, base)).filter((m) => (m.endpoint ?? DEFAULT_ENDPOINT) === endpoint);
  const pending = sets.flatMap((m) => (m.recreated ?? []).filter((e) => e.phase === 'recreating' || e.phase === 'rolling-back').map((e) => ({ set: m.id, e })));
  if (pending.length === 0) return [];
  const engine = openEngine(endpoint);
  const results: RecoverResult[] = [];
  try {
    for (const { set, e } of pending) {
      const parked = parkedName(e.name, set);
      const what = e.phase === 'recreating' ? 'an interrupted recreate' : 'an interrupted rollback';
      try {
        await restoreOriginal(engine, e, parked);
        const reason = e.phase === 'recreating' ? 'recreate reverted: the run that made it was interrupted before its gate passed' : undefined;
        await manifestRecorder(root, set, base)({ ...e, phase: e.phase === 'recreating' ? 'reverted' : 'rolled-back', ...(reason ? { reason } : {}) });
        results.push({ setId: set, name: e.name, status: 'restored', message: `put the original back after ${what} (backup set ${set})` });
      } catch (err) {
        results.push({ setId: set, name: e.name, status: 'failed', message: `could not finish ${what} (backup set ${set}): ${engineMessage(err)}` });
      }
    }
  } finally {
    engine.close();
  }
  return results;
}
