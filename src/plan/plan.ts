// The Plan: every change as data. Diff, script, patch, apply and the wizard are all views of it,
// so they always agree.

export type ArtifactKind =
  | 'daemon-json'
  | 'audit-rules'
  | 'systemd-dropin'
  | 'permission-script'
  | 'compose-override'
  | 'dockerfile'
  | 'profile-env';

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
}

export interface Plan {
  profile: string;
  facts: { source: string; collectedAt: string; root: string };
  files: FileChange[];
  permissions: PermissionChange[];
  steps: PlanStep[];
  warnings: PlanNote[];
  manual: PlanNote[];
  refused: (PlanNote & { key?: string })[];
}
