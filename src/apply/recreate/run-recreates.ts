// The plan's recreates, one container after another, against the engine the plan was made for.
// Each is recorded in the apply's backup set before it is touched; one that fails its gate is
// reverted and the next one still runs: a container that cannot be hardened stops nothing else.
import type { RecreateStep } from '../../plan-model/recreate.js';
import { openEngine } from '../engine-endpoint.js';
import { BACKUP_BASE } from '../backup-set.js';
import { engineMessage } from './engine-calls.js';
import { manifestRecorder } from './recreate-record.js';
import { recreateContainer, type RecreateOutcome } from './recreate-container.js';

export interface RunRecreatesOptions {
  root: string;
  setId: string;
  endpoint: string;
  base?: string;
  pollMs?: number;
  onOutcome?(outcome: RecreateOutcome): void;
}

export async function runRecreates(steps: RecreateStep[], opts: RunRecreatesOptions): Promise<RecreateOutcome[]> {
  if (steps.length === 0) return [];
  const record = manifestRecorder(opts.root, opts.setId, opts.base ?? BACKUP_BASE);
  const engine = openEngine(opts.endpoint);
  const outcomes: RecreateOutcome[] = [];
  try {
    for (const step of steps) {
      let outcome: RecreateOutcome;
      try {
        outcome = await recreateContainer(step, { engine, setId: opts.setId, record, pollMs: opts.pollMs });
      } catch (err) {
        // The engine or the manifest failed between two changes; the manifest says what recover must finish.
        outcome = { status: 'failed', name: step.container.name, reason: `recreate stopped: ${engineMessage(err)}` };
      }
      outcomes.push(outcome);
      opts.onOutcome?.(outcome);
    }
  } finally {
    engine.close();
  }
  return outcomes;
}

/** The line a front end prints for an outcome. */
export function describeRecreate(o: RecreateOutcome): string {
  switch (o.status) {
    case 'recreated':
      return `recreated container ${o.name} hardened (${o.oldId.slice(0, 12)} -> ${o.newId.slice(0, 12)}; closes ${o.closes.join(', ')}); ${
        o.started
          ? 'the original is kept stopped for rollback'
          : 'created, not started, as the original was not running (so no gate ran); the original is kept for rollback'
      }`;
    case 'reverted':
      return `container ${o.name}: ${o.reason}; the original is back${o.closes.length ? `, and ${o.closes.join(', ')} stay open` : ''}`;
    case 'refused':
      return `container ${o.name}: not recreated: ${o.reason}`;
    case 'failed':
      return `container ${o.name}: ${o.reason}`;
  }
}
