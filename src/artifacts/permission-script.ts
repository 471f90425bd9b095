// The permission fixes as a bash script someone else can review and run. It is a view of
// plan.permissions, so it shows exactly what `plan` shows.
import type { Plan } from '../plan-model/plan.js';
import { octal } from './permissions.js';
import { renderTemplate } from './render-template.js';
import { assertPlainHostPath } from '../core/host-path.js';

export function renderPermissionScript(plan: Pick<Plan, 'profile' | 'permissions'>): string {
  // "$ROOT"/path stays inside the root only for plain absolute paths; symlinks are checked when it runs.
  for (const p of plan.permissions) assertPlainHostPath(p.path, 'the permission target');
  const entries = plan.permissions.map((p) => ({
    path: p.path,
    mode: p.mode === undefined ? '' : octal(p.mode),
    owner: p.owner ?? '',
    group: p.group ?? '',
    // Only rule ids reach the comment, so nothing can end the line early.
    closes: p.closes.filter((id) => /^[0-9.]+$/.test(id)).join(', ') || '-',
  }));
  const confinedPath = renderTemplate('shell/confined-path.sh.hbs', {});
  return renderTemplate('permissions/fix-permissions.sh.hbs', { profile: plan.profile, entries, confinedPath });
}
