// The backup set's manifest as data: what an apply touched and what rollback needs to undo it.
// Its own file, so the schema check and the backup set both read it without importing each other.
import type { PlanStep } from '../plan-model/plan.js';

export interface BackupFileEntry {
  path: string;
  existed: boolean;
  /** File name inside the set's files/ folder. */
  backupFile?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  sha256Before: string | null;
  sha256After: string | null;
  /** Directories the apply created for this file (removed again on rollback when empty). */
  createdDirs: string[];
}

export interface BackupPermissionEntry {
  path: string;
  before: { mode: number; uid: number; gid: number };
  after: { mode: number; uid: number; gid: number };
}

/**
 * A container's settings before an apply's `docker update` changed them, as the engine reported
 * them, and the `docker update` arguments that put them back (rollback runs those, never the
 * hardening ones). `unrestorable` names values the engine cannot be told to go back to.
 */
export interface ContainerUndoEntry {
  /** Container name (without the leading slash) and full id at apply time. */
  name: string;
  id: string;
  /** Settings as read from the engine before the update (docker inspect's HostConfig names). */
  before: Record<string, unknown>;
  /** argv after `docker [-H endpoint]`: ["update", "--memory", "0", ..., id]. */
  restoreArgs: string[];
  unrestorable: string[];
}

/**
 * A standalone container apply recreated hardened (src/apply/recreate/). Written before the first
 * change to it and again after each phase, so an interrupted run can be finished by `recover`.
 * The original is kept, stopped, as `<name>.pre-harden-<set id>` until rollback puts it back.
 */
export interface RecreatedEntry {
  /** The container's name (without the leading slash); the hardened one takes it. */
  name: string;
  /** Full id of the original container. */
  oldId: string;
  /** Full id of the hardened container, once created. */
  newId?: string;
  /** Whether the original was running: it is started again when it gets its name back. */
  wasRunning: boolean;
  /** The original's restart policy: set to "no" while it is parked, so a daemon restart leaves it stopped. */
  restartPolicy: { Name: string; MaximumRetryCount?: number };
  /** recreating and rolling-back are the unfinished phases `recover` completes; the rest are final. */
  phase: 'recreating' | 'recreated' | 'reverted' | 'rolling-back' | 'rolled-back';
  /** Why the recreate was reverted. */
  reason?: string;
}

export interface Manifest {
  version: 1;
  id: string;
  createdAt: string;
  profile: string;
  state: 'applying' | 'applied' | 'rolled-back';
  files: BackupFileEntry[];
  permissions: BackupPermissionEntry[];
  steps: PlanStep[];
  /** The engine endpoint the plan was made for (unix:///..., tcp://...); absent in older sets. */
  endpoint?: string;
  /** Containers changed live by `docker update`, with what rollback restores. */
  containers?: ContainerUndoEntry[];
  /** Standalone containers recreated hardened, with their originals kept for rollback. */
  recreated?: RecreatedEntry[];
}
