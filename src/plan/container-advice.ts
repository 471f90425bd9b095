// Contributions about running containers and compose services: `docker update` where a flag can
// change in place, advice where the container must be recreated or its compose file edited.
import type { Tagged } from '../rules/contribution.js';
import { ofKind } from '../rules/contribution.js';
import { sortRuleIds } from '../plan-model/file-change.js';
import type { PlanNote, PlanStep } from '../plan-model/plan.js';
import { dockerArgv, dockerCommandText } from './docker-cli.js';

const UPDATE_STEP = 'docker-update:';

/** The container a `docker update` step changes, or null for any other step. */
export function updatedContainer(step: PlanStep): string | null {
  return step.id.startsWith(UPDATE_STEP) ? step.id.slice(UPDATE_STEP.length) : null;
}

/** `docker update` flags of a step by name without dashes ({ memory: "512m", restart: "on-failure:5" }). */
export function updateFlags(step: PlanStep): Record<string, string> {
  const at = step.command.indexOf('update');
  const out: Record<string, string> = {};
  for (const arg of step.command.slice(at + 1)) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

export function dockerUpdateSteps(updates: Tagged<'docker-update'>[], endpoint?: string): PlanStep[] {
  const byContainer = new Map<string, Tagged<'docker-update'>[]>();
  for (const u of updates) byContainer.set(u.container, [...(byContainer.get(u.container) ?? []), u]);
  return [...byContainer.keys()].sort().map((container) => {
    const list = byContainer.get(container)!;
    const flags = [...new Map(list.map((u) => [u.flag.replace(/^-+/, ''), u.value])).entries()].map(([flag, value]) => `--${flag}=${value}`);
    return {
      id: `${UPDATE_STEP}${container}`,
      description: `Update limits of container ${container}`,
      command: [...dockerArgv(endpoint), 'update', ...flags, container],
      when: 'after-files' as const,
      reason: `closes CIS ${sortRuleIds(list.map((u) => u.ruleId)).join(', ')} without recreating the container; the compose file or run command should say the same, or a recreate undoes it.`,
    };
  });
}

export function adviceNotes(contributions: Tagged[], endpoint?: string): PlanNote[] {
  const notes: PlanNote[] = [];
  // Its impact goes with the advice: it is not something the plan does, so not one of its warnings.
  for (const c of ofKind(contributions, 'manual')) notes.push({ ruleId: c.ruleId, text: c.impact ? `${c.text} Impact: ${c.impact}` : c.text });
  notes.push(...recreateNotes(ofKind(contributions, 'recreate-advice'), endpoint));
  for (const c of ofKind(contributions, 'compose-service')) {
    notes.push({ ruleId: c.ruleId, text: `Compose project ${c.project}, service ${c.service}: set ${c.key}: ${JSON.stringify(c.value)}.` });
  }
  return notes;
}

/**
 * Split docker run flags into options with their values ("--cap-add", "NET_ADMIN"), so the same
 * option asked for by two rules (5.4 and 5.5 both say --privileged=false) is listed once.
 */
function optionGroups(flags: readonly string[]): string[] {
  const groups: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const takesValue = flags[i].startsWith('-') && !flags[i].includes('=') && i + 1 < flags.length && !flags[i + 1].startsWith('-');
    groups.push(takesValue ? `${flags[i]} ${flags[++i]}` : flags[i]);
  }
  return groups;
}

/** One note per container: every docker run flag the failing rules ask for, in rule order. */
function recreateNotes(advice: Tagged<'recreate-advice'>[], endpoint: string | undefined): PlanNote[] {
  const byContainer = new Map<string, Tagged<'recreate-advice'>[]>();
  for (const a of advice) byContainer.set(a.container, [...(byContainer.get(a.container) ?? []), a]);
  return [...byContainer.entries()].map(([container, list]) => {
    const flags = [...new Set(list.flatMap((a) => optionGroups(a.flags)))];
    const rules = sortRuleIds(list.map((a) => a.ruleId));
    const closes = rules.length > 1 ? ` Closes CIS ${rules.join(', ')}.` : '';
    // An empty --pid= / --uts= / --userns= means "the container's own namespace": say it as a flag to leave out.
    const own = flags.filter((f) => /^--(pid|uts|userns)=$/.test(f));
    const add = flags.filter((f) => !own.includes(f));
    const parts = [add.length ? `with ${add.join(' ')}` : '', own.length ? `without ${own.map((f) => `${f}host`).join(' ')}` : ''].filter(Boolean);
    // On another engine than the default one, the command to use is part of the advice.
    const where = endpoint ? ` It runs on the engine at ${endpoint}: use \`${dockerCommandText(endpoint)} ...\` for it.` : '';
    return { ruleId: rules[0], text: `Recreate container ${container} ${parts.join(' and ')} (these cannot change on a running container).${closes}${where}` };
  });
}
