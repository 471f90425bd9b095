// `rollback [ID]` and `rollback --list`.
import type { GlobalOptions } from '../services/options.js';
import type { Output } from '../services/output.js';
import { ExitCodeError } from '../core/errors.js';
import { listBackupSets, readManifest } from '../apply/backup-set.js';
import { BACKUP_BASE, backupBaseFromDir } from '../apply/backup-base.js';
import { rollbackBackupSet, type RollbackResult } from '../apply/rollback.js';
import { isDaemonRestart, isEngineStep } from '../apply/run-steps.js';
import { keysRollbackDrops } from '../apply/reload-limits.js';
import { isReloadable } from '../artifacts/daemon-keys.js';
import { restoreContainers, restoreNotes } from '../apply/container-undo.js';
import { daemonReadsRoot, runLiveSteps } from '../apply/live-steps.js';
import { engineImages } from '../apply/canary.js';
import { DEFAULT_ENDPOINT } from '../plan/docker-cli.js';
import { readFileSync } from 'node:fs';
import { requireRootFor } from './require-root.js';

export interface RollbackServiceOptions extends GlobalOptions {
  id?: string;
  list: boolean;
  noRestart: boolean;
  /** --backup-dir: the folder holding the sets, on this machine and inside the root. */
  backupDir?: string;
}

export async function rollbackService(opts: RollbackServiceOptions, output: Output): Promise<RollbackResult | null> {
  const base = opts.backupDir === undefined ? BACKUP_BASE : backupBaseFromDir(opts.root, opts.backupDir);
  if (opts.list) {
    const sets = await listBackupSets(opts.root, base);
    if (!sets.length) output.out('No backup sets.');
    for (const s of sets)
      output.out(
        `${s.id}  ${s.state.padEnd(11)}  profile ${s.profile}, ${s.files.length} files, ${s.permissions.length} permission changes${s.containers?.length ? `, ${s.containers.length} containers` : ''}${s.recreated?.length ? `, ${s.recreated.length} recreated` : ''}`,
      );
    return null;
  }
  requireRootFor('rollback', opts.root);
  // Read before the files go back: which daemon.json keys the restore drops (a SIGHUP keeps those).
  const latest = opts.id ?? (await listBackupSets(opts.root, base)).filter((m) => m.state !== 'rolled-back').at(-1)?.id;
  const chosen = latest ? await readManifest(opts.root, latest, base).catch(() => null) : null;
  const dropped = chosen ? await keysRollbackDrops(opts.root, chosen.dir, chosen.manifest) : [];
  const result = await rollbackBackupSet(opts.root, opts.id, base);
  for (const p of result.restored) output.out(`restored ${p}`);
  for (const p of result.removed) output.out(`removed ${p}`);
  for (const p of result.permissions) output.out(`restored owner/mode of ${p}`);
  for (const r of result.recovered) output.out(`container ${r.name}: ${r.message}`);
  for (const r of result.recreated)
    output.out(r.status === 'restored' ? `container ${r.name}: ${r.message}` : `container ${r.name}: could not put the original back: ${r.message}`);

  // Containers get their recorded values back; the hardening `docker update` is never run again.
  const endpoint = result.manifest.endpoint ?? DEFAULT_ENDPOINT;
  const entries = result.manifest.containers ?? [];
  const restored = await restoreContainers(entries, endpoint);
  for (const [i, r] of restored.entries()) {
    output.out(
      r.status === 'failed'
        ? `container ${r.name}: could not restore: ${r.message}`
        : `container ${r.name}: ${r.status === 'restored' ? `restored ${r.message}` : r.message}`,
    );
    for (const note of restoreNotes(entries[i])) output.out(`container ${r.name}: ${note}`);
    for (const why of entries[i].unrestorable) output.out(`container ${r.name}: not restored: ${why}`);
  }
  const recorded = new Set(entries.map((e) => e.name));
  const steps = result.manifest.steps.filter((s) => {
    if (!isEngineStep(s)) return true;
    // An older set has the update but not the values before it: say so instead of re-applying it.
    if (!recorded.has(s.id.replace(/^docker-update:/, '')))
      output.out(`step ${s.description}: not undone: this backup set has no record of the values before it; set them by hand`);
    return false;
  });
  output.out(`Rolled back set ${result.id}.`);
  const live = await runLiveSteps(steps, {
    root: opts.root,
    noRestart: opts.noRestart,
    endpoint,
    engineSteps: false,
    daemonSteps: daemonReadsRoot(opts.root, signalledDaemonArgv(steps)),
    canaryImages: () => engineImages(endpoint),
    out: (line) => output.out(line),
  });
  if (live.failure) throw new ExitCodeError(1, live.failure);
  const reloadOnly =
    live.steps.some((r) => r.status === 'ok' && r.step.command[0] === 'kill') &&
    !live.steps.some((r) => r.status === 'ok' && isDaemonRestart(r.step) && r.step.command[0] !== 'kill');
  const kept = dropped.filter((k) => isReloadable(k));
  if (reloadOnly && kept.length) {
    throw new ExitCodeError(
      1,
      `dockerd still runs with ${kept.join(', ')} as the apply set ${kept.length === 1 ? 'it' : 'them'}: a reload (SIGHUP) leaves a key daemon.json no longer names as it was, so restart dockerd to finish the rollback.`,
    );
  }
  if (live.steps.some((s) => s.status === 'failed')) throw new ExitCodeError(1, 'A step failed after the files were restored; run it by hand.');
  if (result.recreated.some((r) => r.status === 'failed') || result.recovered.some((r) => r.status === 'failed'))
    throw new ExitCodeError(1, 'A recreated container could not be put back; see the lines above.');
  if (restored.some((r) => r.status === 'failed')) throw new ExitCodeError(1, 'A container could not get its recorded values back; see the lines above.');
  return result;
}

/** The command line of the dockerd a reload step signals, so --root can tell whether it reads the root. */
function signalledDaemonArgv(steps: { command: string[] }[]): string[] | undefined {
  const pid = steps.find((s) => s.command[0] === 'kill')?.command.at(-1);
  if (!pid || !/^\d+$/.test(pid)) return undefined;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}
