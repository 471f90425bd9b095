// `plan --format json`: the plan as data. Which files a note is about (`paths`) is left out: it
// serves the wizard's grouping and `exclude`, and the JSON stays the shape its readers parse.
import type { Plan, PlanNote } from '../plan-model/plan.js';

const bare = <T extends PlanNote>({ paths: _paths, ...note }: T): Omit<T, 'paths'> => note;

export function planJson(plan: Plan): string {
  return JSON.stringify({ ...plan, warnings: plan.warnings.map(bare), manual: plan.manual.map(bare), refused: plan.refused.map(bare) }, null, 2);
}
