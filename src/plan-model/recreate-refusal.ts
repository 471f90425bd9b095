// Script and patch carry files and commands for someone else to run later; a recreate needs the
// health gate and the automatic revert that only apply has (a script that stopped halfway would
// leave a service down with nobody watching). So those views take the recreates out and say why.
import type { Plan, PlanNote } from './plan.js';

export const RECREATE_REFUSAL = 'recreating containers runs only with apply: it needs the health gate and automatic revert';

/** The plan without its recreates, and one note per container that says where it is recreated instead. */
export function withoutRecreates(plan: Plan): { plan: Plan; notes: PlanNote[] } {
  const steps = plan.recreates ?? [];
  if (steps.length === 0) return { plan, notes: [] };
  const notes = steps.map((s) => ({
    ruleId: s.closes.join(', ') || undefined,
    text: `Container ${s.container.name} is not recreated here: ${RECREATE_REFUSAL} (docker-harden apply --recreate=${s.container.name}).`,
    paths: [],
  }));
  const { recreates: _recreates, ...rest } = plan;
  return { plan: rest, notes };
}
