// Which rules a profile audits and remediates: sections and levels filter, include adds back,
// exclude removes last. The input order is kept.
import type { Rule } from '../rules/rule.js';
import { canonicalRuleId } from './rule-ids.js';
import type { ResolvedProfile } from './types.js';

type Selectable = Pick<Rule, 'id' | 'section' | 'level'>;

export function selectRules<R extends Selectable>(profile: Pick<ResolvedProfile, 'select'>, rules: readonly R[]): R[] {
  const { sections, levels, include, exclude } = profile.select;
  // Loaded profiles already hold v1.8.0 ids; hand-built ones may still say "1.7.0:2.14".
  const ids = (refs: readonly string[]) => new Set(refs.map((ref) => canonicalRuleId(ref) ?? ref));
  const included = ids(include);
  const excluded = ids(exclude);
  return rules.filter((rule) => {
    if (excluded.has(rule.id)) return false;
    if (included.has(rule.id)) return true;
    return (!sections || sections.includes(rule.section)) && (!levels || levels.includes(rule.level));
  });
}
