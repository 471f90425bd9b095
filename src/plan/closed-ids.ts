// What a plan closes, counted one way for every view (plan text, script header, wizard): the rule
// ids of the files it writes and of its permission fixes. A file it leaves unchanged closes nothing.
import { sortRuleIds } from '../plan-model/file-change.js';
import type { Plan } from '../plan-model/plan.js';

/** Each closed rule id in benchmark order, with what closes it (a file path, or "<path> (owner/mode)"). */
export function closedBy(plan: Plan): [string, string[]][] {
  const map = new Map<string, string[]>();
  const add = (id: string, what: string) => map.set(id, [...(map.get(id) ?? []), what]);
  for (const f of plan.files) if (f.kind !== 'unchanged') for (const id of f.closes) add(id, f.path);
  for (const p of plan.permissions) for (const id of p.closes) add(id, `${p.path} (owner/mode)`);
  for (const r of plan.recreates ?? []) for (const id of r.closes) add(id, `container ${r.container.name} (recreated)`);
  return sortRuleIds(map.keys()).map((id) => [id, map.get(id)!]);
}

/** Rule ids the plan closes, in benchmark order. */
export function closedIds(plan: Plan): string[] {
  return closedBy(plan).map(([id]) => id);
}
