// A unified diff of every file change in a plan, in the layout both `patch -p1 -d /` and
// `git apply --directory` accept, plus a sidecar for what a patch cannot carry (modes, owners,
// permission fixes on files the patch does not touch, and the steps to run afterwards).
import { formatMode } from '../core/file-mode.js';
import type { Plan, FileChange } from '../plan-model/plan.js';
import { assertPlainHostPath } from '../core/host-path.js';
import { unifiedPatch } from '../plan/line-diff.js';
import { withoutRecreates } from '../plan-model/recreate-refusal.js';

export function renderPatch(plan: Plan): string {
  assertPlainPaths(plan);
  return plan.files
    .filter((f) => f.kind !== 'unchanged')
    .map(renderFilePatch)
    .join('');
}

function renderFilePatch(change: FileChange): string {
  const rel = change.path.replace(/^\/+/, '');
  const before = change.before ?? '';
  const after = change.after ?? '';
  const mode = (change.mode & 0o777).toString(8).padStart(3, '0');
  const header = [`diff --git a/${rel} b/${rel}`];
  if (change.before === null) header.push(`new file mode 100${mode}`);
  if (change.after === null || change.kind === 'delete') header.push(`deleted file mode 100${mode}`);
  header.push(change.before === null ? '--- /dev/null' : `--- a/${rel}`);
  header.push(change.after === null || change.kind === 'delete' ? '+++ /dev/null' : `+++ b/${rel}`);
  const { hunks } = unifiedPatch(`a/${rel}`, `b/${rel}`, before, after, 3);
  const body = hunks.map((h) => {
    // An empty side is written as "-0,0" / "+0,0", as GNU diff does for created and deleted files.
    const oldStart = h.oldLines === 0 ? 0 : h.oldStart;
    const newStart = h.newLines === 0 ? 0 : h.newStart;
    return [`@@ -${oldStart},${h.oldLines} +${newStart},${h.newLines} @@`, ...h.lines].join('\n') + '\n';
  });
  return header.join('\n') + '\n' + body.join('');
}

export interface PatchSidecar {
  profile: string;
  /** The engine every docker command in `steps` names with -H; absent for the default socket. */
  endpoint?: string;
  files: { path: string; mode: string; owner: string; group: string }[];
  permissions: { path: string; mode?: string; owner?: string; group?: string }[];
  steps: { description: string; command: string[] }[];
  warnings: string[];
}

export function renderPatchSidecar(plan: Plan): PatchSidecar {
  assertPlainPaths(plan);
  const octal = (m: number | undefined) => (m === undefined ? undefined : formatMode(m));
  return {
    profile: plan.profile,
    endpoint: plan.endpoint,
    files: plan.files
      .filter((f) => f.kind !== 'unchanged' && f.kind !== 'delete')
      .map((f) => ({ path: f.path, mode: octal(f.mode)!, owner: f.owner, group: f.group })),
    permissions: plan.permissions.map((p) => ({ path: p.path, mode: octal(p.mode), owner: p.owner, group: p.group })),
    steps: plan.steps.map((s) => ({ description: s.description, command: s.command })),
    // A recreate is not a file change and needs apply's health gate: the sidecar says so instead.
    warnings: [...plan.warnings, ...withoutRecreates(plan).notes].map((w) => (w.ruleId ? `${w.ruleId}: ${w.text}` : w.text)),
  };
}

/** `patch -d /` and the sidecar's paths land outside the tree for a relative or ".." path: refused. */
function assertPlainPaths(plan: Plan): void {
  for (const f of plan.files) assertPlainHostPath(f.path, 'the file path');
  for (const p of plan.permissions) assertPlainHostPath(p.path, 'the permission target');
}
