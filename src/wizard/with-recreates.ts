// Recreating standalone containers is a choice made per container in Review, off by default. The
// candidates are the containers a plan with recreate on would recreate; the plan the Act step uses
// is built again from the same input with recreate on for the chosen names alone (or off for none).
import type { Plan } from '../plan-model/plan.js';
import type { RecreateStep } from '../plan-model/recreate.js';
import { buildPlan, type BuildPlanInput } from '../plan/build-plan.js';
import type { PlannedChange } from '../services/plan-source.js';
import { withoutFiles } from './without-files.js';

type Planned = Pick<PlannedChange, 'plan' | 'input'>;

/** Every standalone container a plan with recreate on would recreate, hardened. */
export function recreateCandidates(planned: Planned): RecreateStep[] {
  const input: BuildPlanInput = { ...planned.input, params: { ...planned.input.params, recreate: 'standalone' }, recreate: {} };
  return buildPlan(input).recreates ?? [];
}

/** The plan without the files switched off, recreating exactly the containers named. */
export function planWith(planned: Planned, excluded: Iterable<string>, recreate: readonly string[]): Plan {
  const off = new Set(excluded);
  // Nothing to recreate, and the plan recreates nothing: exactly the plan Review showed, less its files.
  if (recreate.length === 0 && !planned.plan.recreates?.length) return withoutFiles(planned, off);
  const { recreate: _given, ...rest } = planned.input;
  const input: BuildPlanInput = recreate.length
    ? { ...rest, params: { ...rest.params, recreate: 'standalone' }, recreate: { names: [...recreate] } }
    : { ...rest, params: { ...rest.params, recreate: 'off' } };
  return { ...buildPlan({ ...input, ...(off.size ? { exclude: off } : {}) }), root: planned.plan.root };
}
