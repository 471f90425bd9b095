// Which rules an audit runs: include/exclude by id or id prefix ("2.5", "1.1", "5") and by CIS
// profile level. Profiles reuse this, so it is data in, rules out, with no knowledge of flags.
import type { Rule } from '../rules/rule.js';

export interface RuleSelection {
  /** Ids or prefixes; when non-empty, only rules matching one of them run. */
  include?: readonly string[];
  /** Ids or prefixes that never run, even when included. */
  exclude?: readonly string[];
  /** Highest CIS profile level to run: 1 runs Level 1 items only, 2 runs both (Level 2 extends Level 1). */
  level?: 1 | 2;
}

/** "2.1" matches 2.1 only (not 2.10); "1.1" matches 1.1.1–1.1.18; "5" matches the whole section. */
export function matchesSelector(id: string, selector: string): boolean {
  const s = selector.trim().replace(/\.$/, '');
  return s !== '' && (id === s || id.startsWith(`${s}.`));
}

export function selectRules<R extends Pick<Rule, 'id' | 'level'>>(rules: readonly R[], selection: RuleSelection = {}): R[] {
  const include = selection.include ?? [];
  const exclude = selection.exclude ?? [];
  return rules.filter(
    (rule) =>
      (include.length === 0 || include.some((s) => matchesSelector(rule.id, s))) &&
      !exclude.some((s) => matchesSelector(rule.id, s)) &&
      (selection.level === undefined || rule.level <= selection.level),
  );
}

/** Selectors that match no rule at all: almost always a typo the caller should report. */
export function unmatchedSelectors(rules: readonly Pick<Rule, 'id'>[], selection: RuleSelection): string[] {
  const all = [...(selection.include ?? []), ...(selection.exclude ?? [])];
  return all.filter((s) => !rules.some((rule) => matchesSelector(rule.id, s)));
}
