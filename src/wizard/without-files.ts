// The plan minus the files a person switched off in Review, built again from the same input with
// those files excluded: what they would have closed is no longer claimed, the notes about them go,
// and a step only they needed is not planned (a script or apply of the rest must not restart
// dockerd for a daemon.json it no longer writes).
import type { Plan } from '../plan-model/plan.js';
import { buildPlan } from '../plan/build-plan.js';
import type { PlannedChange } from '../services/plan-source.js';

export function withoutFiles(planned: Pick<PlannedChange, 'plan' | 'input'>, paths: Iterable<string>): Plan {
  const off = new Set(paths);
  if (!planned.plan.files.some((f) => off.has(f.path) && f.kind !== 'unchanged')) return planned.plan;
  return { ...buildPlan({ ...planned.input, exclude: off }), root: planned.plan.root };
}
