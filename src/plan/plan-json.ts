// `plan --format json`: the plan as data. Which files a note is about (`paths`) is left out: it
// serves the wizard's grouping and `exclude`, and the JSON stays the shape its readers parse.
// Modes are written as "0644", as in every JSON the tool writes.
import type { Plan, PlanNote } from '../plan-model/plan.js';
import { modesAsText } from '../core/file-mode.js';

// A note about several containers or services lists their names (`targets`).
const bare = <T extends PlanNote>({ paths: _paths, targets, ...note }: T) => (targets ? { ...note, targets: targets.map((t) => t.name) } : note);

export function planJson(plan: Plan): string {
  return JSON.stringify({ ...plan, warnings: plan.warnings.map(bare), manual: plan.manual.map(bare), refused: plan.refused.map(bare) }, modesAsText, 2);
}
