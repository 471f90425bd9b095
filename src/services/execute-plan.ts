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
import { describeRecreate, runRecreates } from '../apply/recreate/run-recreates.js';
import type { RecreateOutcome } from '../apply/recreate/recreate-container.js';
import { recoverRecreates } from '../apply/recreate/recover.js';
import { refuseMissingRootCertificates } from '../apply/root-certificates.js';

export type ExecuteEvent =
  | { kind: 'file-written'; path: string }
  | { kind: 'permission-fixed'; path: string }
  | { kind: 'backup-set'; id: string; undo: string }
  /** A line from the steps, the canary or a container that rollback cannot fully restore. */
  | { kind: 'note'; text: string }
  /** A standalone container recreated hardened, reverted after its gate, refused, or left half-way. */
  | { kind: 'recreate'; outcome: RecreateOutcome }
  /** A recreate or rollback a killed run left half done, finished before this run does anything. */
  | { kind: 'recovered'; name: string; ok: boolean; text: string };

export interface ExecuteOptions {
  root: string;
  from?: string;
  noRestart: boolean;
  /** The folder under the root for backup sets: the host's by default, a project's for Dockerfile fixes. */
  backupBase?: string;
}

export interface ExecuteOutcome extends ApplyResult {
  steps: StepResult[];
  /** What became of each container the plan recreates. */
  recreates?: RecreateOutcome[];
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
  refuseMissingRootCertificates(plan, opts.root);
  const endpoint = plan.endpoint ?? DEFAULT_ENDPOINT;
  const engineSteps = opts.root === '/' || (!opts.from && plan.endpoint !== undefined);
  const updates = engineSteps ? plan.steps.filter((s) => updatedContainer(s) !== null) : [];
  const recreates = engineSteps ? (plan.recreates ?? []) : [];
  for (const r of engineSteps ? [] : (plan.recreates ?? []))
    emit({ kind: 'note', text: `container ${r.container.name}: not recreated under --root ${opts.root}; name the engine with --docker-host to recreate it` });
  const base = opts.backupBase ?? BACKUP_BASE;
  // A recreate or rollback a killed run left half done is finished first: one container per name, always.
  if (engineSteps && facts)
    for (const r of await recoverRecreates(opts.root, endpoint, base)) emit({ kind: 'recovered', name: r.name, ok: r.status === 'restored', text: r.message });
  // Read before anything is written: a container that is gone stops the apply with nothing changed.
  const undoValues = await recordContainers(updates, endpoint);
  const result = await applyPlan(plan, { root: opts.root, backupDir: base, onFile: (p) => emit({ kind: 'file-written', path: p }) });
  if (!result.backupId && undoValues.length === 0 && recreates.length === 0) return { ...result, steps: [], undo: null };
  for (const p of result.permissions) emit({ kind: 'permission-fixed', path: p });
  // The set names the engine whenever it changes containers: rollback must reach that engine, not the default socket.
  const backupId =
    undoValues.length || recreates.length || !result.backupId
      ? await saveContainerUndo(opts.root, result.backupId, plan, endpoint, undoValues)
      : result.backupId!;
  for (const u of undoValues) for (const why of u.unrestorable) emit({ kind: 'note', text: `note: rollback cannot undo this for container ${u.name}: ${why}` });
  const undo = rollbackCommand(opts.root, base, backupId);
  emit({ kind: 'backup-set', id: backupId, undo });
  const daemonFiles = new Set(
    plan.files
      .filter((f) => f.kind !== 'unchanged' && (f.artifact === 'daemon-json' || f.artifact === 'systemd-dropin' || f.artifact === 'dockerd-env'))
      .map((f) => f.path),
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
  const stepFailed = live.steps.some((s) => s.status === 'failed');
  const outcomes =
    live.failure || stepFailed
      ? skipRecreates(recreates, emit)
      : await runRecreates(recreates, { root: opts.root, setId: backupId, endpoint, base, onOutcome: (outcome) => emit({ kind: 'recreate', outcome }) });
  const halfWay = outcomes.filter((o) => o.status === 'failed').map((o) => o.name);
  const failure =
    live.failure ??
    (stepFailed ? `A step failed after the files were written. Undo with: ${undo}` : undefined) ??
    (halfWay.length
      ? `Recreating ${halfWay.join(', ')} stopped half-way; run apply or rollback again to put the original back. Undo with: ${undo}`
      : undefined);
  return { ...result, backupId, steps: live.steps, recreates: outcomes, undo, ...(failure ? { failure } : {}) };
}

/** After a failed step or canary the engine is not trusted with new containers: none is recreated. */
function skipRecreates(recreates: { container: { name: string } }[], emit: (e: ExecuteEvent) => void): RecreateOutcome[] {
  return recreates.map((r) => {
    const outcome: RecreateOutcome = {
      status: 'refused',
      name: r.container.name,
      reason: 'an earlier step or the canary failed, so no container was recreated',
    };
    emit({ kind: 'recreate', outcome });
    return outcome;
  });
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
    case 'recreate':
      return describeRecreate(e.outcome);
    case 'recovered':
      return `container ${e.name}: ${e.text}`;
  }
}
