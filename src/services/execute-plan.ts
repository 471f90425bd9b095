// Carrying out a confirmed plan, for every front end: record the containers' current values,
// write the files with a backup set, run the steps and the canary. The CLI prints the events and
// the wizard draws them, so both do exactly the same thing, with the same undo hint.
import type { HostFacts } from '../facts/host-facts.js';
import type { Plan } from '../plan-model/plan.js';
import { applyPlan, type ApplyResult } from '../apply/apply-plan.js';
import type { StepResult } from '../apply/run-steps.js';
import { recordContainers, saveContainerUndo } from '../apply/container-undo.js';
import { daemonReadsRoot, runLiveSteps } from '../apply/live-steps.js';
import { canaryImages } from '../apply/canary.js';
import { BACKUP_BASE } from '../apply/backup-set.js';
import { rollbackCommand } from '../apply/backup-base.js';
import { updatedContainer } from '../plan/container-advice.js';
import { DEFAULT_ENDPOINT } from '../plan/docker-cli.js';

export type ExecuteEvent =
  | { kind: 'file-written'; path: string }
  | { kind: 'permission-fixed'; path: string }
  | { kind: 'backup-set'; id: string; undo: string }
  /** A line from the steps, the canary or a container that rollback cannot fully restore. */
  | { kind: 'note'; text: string };

export interface ExecuteOptions {
  root: string;
  from?: string;
  noRestart: boolean;
  /** The folder under the root for backup sets: the host's by default, a project's for Dockerfile fixes. */
  backupBase?: string;
}

export interface ExecuteOutcome extends ApplyResult {
  steps: StepResult[];
  /** The command that undoes this run, when anything was done. */
  undo: string | null;
  /** One sentence when the run failed after changing things (exit 1). */
  failure?: string;
}

/**
 * `facts` is null for a plan made without host facts (Dockerfile fixes): such a plan has no steps,
 * so no daemon is reloaded and no canary is needed.
 */
export async function executePlan(plan: Plan, facts: HostFacts | null, opts: ExecuteOptions, emit: (e: ExecuteEvent) => void): Promise<ExecuteOutcome> {
  // `docker update` acts on the engine, not on files: under --root it runs only against an endpoint
  // named for this run (never the default socket of the machine the copy sits on).
  const endpoint = plan.endpoint ?? DEFAULT_ENDPOINT;
  const engineSteps = opts.root === '/' || (!opts.from && plan.endpoint !== undefined);
  const updates = engineSteps ? plan.steps.filter((s) => updatedContainer(s) !== null) : [];
  // Read before anything is written: a container that is gone stops the apply with nothing changed.
  const undoValues = await recordContainers(updates, endpoint);
  const base = opts.backupBase ?? BACKUP_BASE;
  const result = await applyPlan(plan, { root: opts.root, backupDir: base, onFile: (p) => emit({ kind: 'file-written', path: p }) });
  if (!result.backupId && undoValues.length === 0) return { ...result, steps: [], undo: null };
  for (const p of result.permissions) emit({ kind: 'permission-fixed', path: p });
  const backupId = undoValues.length ? await saveContainerUndo(opts.root, result.backupId, plan, endpoint, undoValues) : result.backupId!;
  for (const u of undoValues) for (const why of u.unrestorable) emit({ kind: 'note', text: `note: rollback cannot undo this for container ${u.name}: ${why}` });
  const undo = rollbackCommand(opts.root, base, backupId);
  emit({ kind: 'backup-set', id: backupId, undo });
  const daemonFiles = new Set(
    plan.files.filter((f) => f.kind !== 'unchanged' && (f.artifact === 'daemon-json' || f.artifact === 'systemd-dropin')).map((f) => f.path),
  );
  const live = await runLiveSteps(plan.steps, {
    root: opts.root,
    noRestart: opts.noRestart,
    endpoint,
    engineSteps,
    daemonSteps: daemonReadsRoot(opts.root, facts?.daemonIdentity?.status === 'ambiguous' ? undefined : facts?.dockerd?.argv),
    canaryImages: async () => (facts ? canaryImages(facts) : []),
    recovery: { root: opts.root, id: backupId, daemonFiles },
    out: (text) => emit({ kind: 'note', text }),
  });
  const failure =
    live.failure ?? (live.steps.some((s) => s.status === 'failed') ? `A step failed after the files were written. Undo with: ${undo}` : undefined);
  return { ...result, backupId, steps: live.steps, undo, ...(failure ? { failure } : {}) };
}

/** The line the CLI prints for each event; the wizard draws the same events its own way. */
export function describeEvent(e: ExecuteEvent): string {
  switch (e.kind) {
    case 'file-written':
      return `wrote ${e.path}`;
    case 'permission-fixed':
      return `fixed owner/mode of ${e.path}`;
    case 'backup-set':
      return `Backup set ${e.id} (undo with: ${e.undo})`;
    case 'note':
      return e.text;
  }
}
