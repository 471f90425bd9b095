// Contributions about running containers and compose services: `docker update` where a flag can
// change in place, advice where the container must be recreated or its compose file edited.
import type { Tagged } from '../artifacts/contributions.js';
import { ofKind } from '../artifacts/contributions.js';
import { sortRuleIds } from './file-change.js';
import type { PlanNote, PlanStep } from './plan.js';

export function dockerUpdateSteps(updates: Tagged<'docker-update'>[]): PlanStep[] {
  const byContainer = new Map<string, Tagged<'docker-update'>[]>();
  for (const u of updates) byContainer.set(u.container, [...(byContainer.get(u.container) ?? []), u]);
  return [...byContainer.keys()].sort().map((container) => {
    const list = byContainer.get(container)!;
    const flags = [...new Map(list.map((u) => [u.flag.replace(/^-+/, ''), u.value])).entries()].map(([flag, value]) => `--${flag}=${value}`);
    return {
      id: `docker-update:${container}`,
      description: `Update limits of container ${container}`,
      command: ['docker', 'update', ...flags, container],
      when: 'after-files' as const,
      reason: `closes CIS ${sortRuleIds(list.map((u) => u.ruleId)).join(', ')} without recreating the container; the compose file or run command should say the same, or a recreate undoes it.`,
    };
  });
}

export function adviceNotes(contributions: Tagged[]): PlanNote[] {
  const notes: PlanNote[] = [];
  for (const c of ofKind(contributions, 'manual')) notes.push({ ruleId: c.ruleId, text: c.text });
  for (const c of ofKind(contributions, 'recreate-advice')) {
    notes.push({ ruleId: c.ruleId, text: `Recreate container ${c.container} with ${c.flags.join(' ')} (these cannot change on a running container).` });
  }
  for (const c of ofKind(contributions, 'compose-service')) {
    notes.push({ ruleId: c.ruleId, text: `Compose project ${c.project}, service ${c.service}: set ${c.key}: ${JSON.stringify(c.value)}.` });
  }
  return notes;
}
