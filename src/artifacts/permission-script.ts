// The permission fixes as a bash script someone else can review and run. It is a view of
// plan.permissions, so it shows exactly what `plan` shows.
import type { Plan } from '../plan/plan.js';
import { octal } from './permissions.js';
import { renderTemplate } from './render-template.js';

export function renderPermissionScript(plan: Pick<Plan, 'profile' | 'permissions'>): string {
  const entries = plan.permissions.map((p) => ({
    path: p.path,
    mode: p.mode === undefined ? '' : octal(p.mode),
    owner: p.owner ?? '',
    group: p.group ?? '',
    // Only rule ids reach the comment, so nothing can end the line early.
    closes: p.closes.filter((id) => /^[0-9.]+$/.test(id)).join(', ') || '-',
  }));
  return renderTemplate('permissions/fix-permissions.sh.hbs', { profile: plan.profile, entries });
}
