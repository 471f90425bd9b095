// What the Act step says about the containers a plan recreates: the write confirmation names each
// one (a container is stopped and replaced, which a file list does not show), and the summary
// after writing counts those recreated and those put back.
import type { Plan } from '../plan-model/plan.js';
import type { ExecuteOutcome } from '../services/execute-plan.js';
import { plural } from './model/plan-view.js';

/** "recreate 2 containers (web, db)" for the confirmation question, or nothing. */
export function recreatePhrase(plan: Plan): string[] {
  const names = (plan.recreates ?? []).map((r) => r.container.name);
  return names.length ? [`recreate ${plural(names.length, 'container')} (${names.join(', ')})`] : [];
}

/** The confirmation's lines about recreates: how it is done, then one line per container. */
export function recreateDetails(plan: Plan): string[] {
  const steps = plan.recreates ?? [];
  if (steps.length === 0) return [];
  return [
    'Each container is recreated hardened under its own name; one that fails its health gate is removed and the original put back.',
    ...steps.map((s) => `  recreate ${s.container.name} (${s.container.running ? 'running' : 'stopped'}, gate ${s.gateSeconds} s)`),
  ];
}

/** "Recreated 1 container, reverted 1 (web: exited 1 after 2 s)." or nothing when the plan recreated none. */
export function recreateSummary(outcomes: ExecuteOutcome['recreates']): string[] {
  if (!outcomes?.length) return [];
  const recreated = outcomes.filter((o) => o.status === 'recreated').length;
  const reverted = outcomes.filter((o) => o.status === 'reverted');
  const other = outcomes.filter((o) => o.status === 'refused' || o.status === 'failed');
  const why = [...reverted, ...other].map((o) => `${o.name}: ${o.reason}`);
  const parts = [`Recreated ${plural(recreated, 'container')}, reverted ${reverted.length}`];
  if (other.length) parts.push(`not recreated ${other.length}`);
  return [`${parts.join(', ')}.`, ...why.map((w) => `  ${w}`)];
}
