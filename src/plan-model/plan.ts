// The Plan: every change as data. Diff, script, patch, apply and the wizard are all views of it,
// so they always agree.

import type { RecreateStep } from './recreate.js';

export type ArtifactKind =
  | 'daemon-json'
  | 'audit-rules'
  | 'systemd-dropin'
  | 'permission-script'
  | 'compose-override'
  | 'dockerfile'
  | 'profile-env'
  | 'dockerd-env';

export interface FileChange {
  /** Absolute host path ("/etc/docker/daemon.json"), never prefixed with --root. */
  path: string;
  kind: 'create' | 'modify' | 'unchanged' | 'delete';
  before: string | null;
  after: string | null;
  mode: number;
  owner: string;
  group: string;
  /** sha256 of `before` (hex), so apply can refuse a file that changed since the facts were taken. */
  beforeSha256: string | null;
  /** Rule ids this change closes. */
  closes: string[];
  artifact: ArtifactKind;
}

export interface PermissionChange {
  path: string;
  mode?: number;
  owner?: string;
  group?: string;
  fromMode?: number;
  fromOwner?: string;
  fromGroup?: string;
  closes: string[];
}

export interface PlanStep {
  id: string;
  description: string;
  /** argv, run without a shell. */
  command: string[];
  when: 'after-files';
  reason: string;
}

export interface PlanNote {
  ruleId?: string;
  text: string;
  /**
   * Host paths of the files the note is about. A note that says them belongs to those files (the
   * wizard shows it with them, `exclude` drops it with them); one that does not belongs to the
   * files that close its rule. An empty list: about no file (a running container, the host).
   * Left out of `plan --format json`.
   */
  paths?: string[];
  /**
   * The containers or Compose services the note names, where the same words hold for several:
   * each with the paths it alone is about, so a file is shown only its own (`narrowNote`).
   * `plan --format json` lists their names.
   */
  targets?: NoteTarget[];
}

/** One workload a note names, and the files that note is about for it (as `PlanNote.paths`). */
export interface NoteTarget {
  name: string;
  paths?: string[];
}

export interface Plan {
  profile: string;
  facts: { source: string; collectedAt: string; root: string };
  /**
   * The engine the plan was made for (the facts' endpoint) when it is not the default socket:
   * every docker command of the plan carries it as -H, so none reaches whatever engine a shell
   * happens to point at. Absent for the default socket and for facts without an engine.
   */
  endpoint?: string;
  /** The root apply, script and patch write under ("/" or --root); the facts' root when not set. */
  root?: string;
  files: FileChange[];
  permissions: PermissionChange[];
  steps: PlanStep[];
  warnings: PlanNote[];
  manual: PlanNote[];
  refused: (PlanNote & { key?: string; blocking?: boolean })[];
  /** Standalone containers apply recreates hardened (profile `recreate: standalone` or `--recreate`). */
  recreates?: RecreateStep[];
}

/** A refused item; `blocking` marks input that must be fixed before anything is applied (exit 2). */
export type RefusedItem = Plan['refused'][number];

/** Notes every renderer may add to the plan. */
export interface PlanNotes {
  warnings: PlanNote[];
  manual: PlanNote[];
  refused: RefusedItem[];
}

export function emptyNotes(): PlanNotes {
  return { warnings: [], manual: [], refused: [] };
}

/** True when applying the plan would change anything on the host. */
export function planHasChanges(plan: Plan): boolean {
  return plan.files.some((f) => f.kind !== 'unchanged') || plan.permissions.length > 0 || plan.steps.length > 0 || (plan.recreates?.length ?? 0) > 0;
}

/** Refused items that stop apply (exit 2): the user must fix the input first. */
export function planBlockers(plan: Plan): RefusedItem[] {
  return plan.refused.filter((r) => r.blocking === true);
}
