// `rollback [ID]` and `rollback --list`.
import type { GlobalOptions } from '../cli/context.js';
import type { Output } from '../cli/output.js';
import { ExitCodeError } from '../core/errors.js';
import { listBackupSets } from '../apply/backup-set.js';
import { rollbackBackupSet, type RollbackResult } from '../apply/rollback.js';
import { runSteps } from '../apply/run-steps.js';
import { requireRootFor } from './require-root.js';

export interface RollbackServiceOptions extends GlobalOptions {
  id?: string;
  list: boolean;
  noRestart: boolean;
}

export async function rollbackService(opts: RollbackServiceOptions, output: Output): Promise<RollbackResult | null> {
  if (opts.list) {
    const sets = await listBackupSets(opts.root);
    if (!sets.length) output.out('No backup sets.');
    for (const s of sets) output.out(`${s.id}  ${s.state.padEnd(11)}  profile ${s.profile}, ${s.files.length} files, ${s.permissions.length} permission changes`);
    return null;
  }
  requireRootFor('rollback', opts.root);
  const result = await rollbackBackupSet(opts.root, opts.id);
  for (const p of result.restored) output.out(`restored ${p}`);
  for (const p of result.removed) output.out(`removed ${p}`);
  for (const p of result.permissions) output.out(`restored owner/mode of ${p}`);
  output.out(`Rolled back set ${result.id}.`);
  const steps = await runSteps(result.manifest.steps, { root: opts.root, noRestart: opts.noRestart, onResult: (r) => output.out(`step ${r.step.description}: ${r.message}`) });
  if (steps.some((s) => s.status === 'failed')) throw new ExitCodeError(1, 'A step failed after the files were restored; run it by hand.');
  return result;
}
