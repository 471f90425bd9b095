// Run each selected rule: check, and where something fails, remediate; every contribution is
// tagged with the rule it closes. A rule that throws becomes a warning, not a broken plan.
import type { HostFacts } from '../facts/host-facts.js';
import type { Rule } from '../rules/rule.js';
import type { HardeningParams } from '../rules/params.js';
import type { Tagged } from '../rules/contribution.js';
import { compareRuleIds } from '../plan-model/file-change.js';
import type { PlanNote } from '../plan-model/plan.js';

export interface Collected {
  contributions: Tagged[];
  warnings: PlanNote[];
}

export function collectContributions(facts: HostFacts, rules: readonly Rule[], params: HardeningParams): Collected {
  const contributions: Tagged[] = [];
  const warnings: PlanNote[] = [];
  const impacts = new Set<string>();
  for (const rule of [...rules].sort((a, b) => compareRuleIds(a.id, b.id))) {
    if (!rule.remediate) continue;
    try {
      const fixes = (status: string) => status === 'fail' || (rule.remediatesWarnings === true && status === 'warn');
      const results = rule.check(facts);
      if (!results.some((r) => fixes(r.status))) continue;
      for (const c of rule.remediate(facts, params, results)) {
        const tagged = { ...c, ruleId: c.ruleId ?? rule.id } as Tagged;
        contributions.push(tagged);
        // What manual advice may break is said with the advice: the plan itself does not do it.
        if (c.impact && c.kind !== 'manual' && !impacts.has(`${tagged.ruleId}\0${c.impact}`)) {
          impacts.add(`${tagged.ruleId}\0${c.impact}`);
          warnings.push({ ruleId: tagged.ruleId, text: c.impact });
        }
      }
    } catch (err) {
      warnings.push({ ruleId: rule.id, text: `rule ${rule.id} could not be evaluated (${(err as Error).message}); nothing planned for it.` });
    }
  }
  return { contributions, warnings };
}
