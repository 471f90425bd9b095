// The rule catalog: every rule of sections 1–7 in benchmark order, and id lookup across benchmark
// versions. Ids are not stable between versions (v1.7 "2.14" is v1.8 "2.15"), so a bare id is
// read as v1.8.0 first and only then as an older alias.
import type { Rule } from './rule.js';
import { compareRuleIds } from './rule-id-order.js';
import { section1Rules } from './section1/index.js';
import { section2Rules } from './section2/index.js';
import { section3Rules } from './section3/index.js';
import { section4Rules } from './section4/index.js';
import { section5Rules } from './section5/index.js';
import { section6Rules } from './section6/index.js';
import { section7Rules } from './section7/index.js';

export const CURRENT_BENCHMARK = '1.8.0';
/** Older versions whose ids rules carry as aliases, newest first (the order bare aliases resolve in). */
export const ALIAS_VERSIONS = ['1.7.0', '1.6.0'] as const;
export type BenchmarkVersion = typeof CURRENT_BENCHMARK | (typeof ALIAS_VERSIONS)[number];

export function sortRules<T extends { id: string }>(rules: readonly T[]): T[] {
  return [...rules].sort((a, b) => compareRuleIds(a.id, b.id));
}

export const allRules: readonly Rule[] = sortRules([
  ...section1Rules,
  ...section2Rules,
  ...section3Rules,
  ...section4Rules,
  ...section5Rules,
  ...section6Rules,
  ...section7Rules,
]);

/** "1.7", "v1.7", "1.7.0" → "1.7.0"; undefined for a version this catalog does not know. */
export function normalizeBenchmarkVersion(version: string): BenchmarkVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version.trim());
  if (!m) return undefined;
  const full = `${m[1]}.${m[2]}.${m[3] ?? '0'}`;
  const known: readonly string[] = [CURRENT_BENCHMARK, ...ALIAS_VERSIONS];
  return known.includes(full) ? (full as BenchmarkVersion) : undefined;
}

/**
 * The rule for a v1.8.0 id or an older alias. With a version, the id is read in that version only;
 * without one, a v1.8.0 id wins over an alias that happens to have the same text.
 */
export function findRule(idOrAlias: string, benchmarkVersion?: string, rules: readonly Rule[] = allRules): Rule | undefined {
  const id = idOrAlias.trim();
  if (benchmarkVersion !== undefined) {
    const version = normalizeBenchmarkVersion(benchmarkVersion);
    if (!version) return undefined;
    if (version === CURRENT_BENCHMARK) return rules.find((r) => r.id === id);
    return rules.find((r) => r.aliases[version] === id);
  }
  const current = rules.find((r) => r.id === id);
  if (current) return current;
  for (const version of ALIAS_VERSIONS) {
    const alias = rules.find((r) => r.aliases[version] === id);
    if (alias) return alias;
  }
  return undefined;
}
