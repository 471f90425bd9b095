// Catalog self-test: the catalog covers the benchmark exactly, ids and aliases are unambiguous,
// metadata is filled in, and every rule's fixtures say what the rule decides.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from './rule.js';
import { emptyFacts } from '../facts/empty-facts.js';
import { RULE_FIXTURES_DIR, loadFacts, ruleFixtures } from '../../test/support/fixtures.js';
import { runAudit } from '../audit/run-audit.js';
import { DEFAULT_PARAMS } from './params.js';
import { ALIAS_VERSIONS, allRules, findRule, sortRules } from './catalog.js';
import { CIS_V180_IDS, CIS_V180_ITEMS } from './cis-v1.8.0-ids.js';

const duplicates = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
const item = (id: string) => CIS_V180_ITEMS.find((i) => i.id === id);

describe('the rule catalog', () => {
  it('has unique ids', () => {
    expect(duplicates(allRules.map((r) => r.id))).toEqual([]);
  });

  it('has a rule for every CIS Docker Benchmark v1.8.0 recommendation', () => {
    const have = new Set(allRules.map((r) => r.id));
    const missing = CIS_V180_IDS.filter((id) => !have.has(id));
    expect(missing, `no rule for ${missing.length} v1.8.0 ids: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no rule outside the benchmark', () => {
    expect(allRules.map((r) => r.id).filter((id) => !CIS_V180_IDS.includes(id))).toEqual([]);
  });

  it('is in numeric id order', () => {
    expect(allRules.map((r) => r.id)).toEqual(sortRules(allRules).map((r) => r.id));
  });

  it('has unique aliases per benchmark version, for known versions only', () => {
    for (const version of ALIAS_VERSIONS) {
      const aliases = allRules.map((r) => r.aliases[version]).filter((a): a is string => a !== undefined);
      expect(duplicates(aliases), `duplicate v${version} aliases`).toEqual([]);
    }
    const unknown = allRules.flatMap((r) =>
      Object.keys(r.aliases)
        .filter((v) => !(ALIAS_VERSIONS as readonly string[]).includes(v))
        .map((v) => `${r.id}: ${v}`),
    );
    expect(unknown).toEqual([]);
  });

  it('gives each rule the title, level, automated flag and v1.6/v1.7 id the benchmark gives', () => {
    const wrong = allRules.flatMap((r) => {
      const ref = item(r.id);
      if (!ref) return [];
      const problems: string[] = [];
      for (const version of ALIAS_VERSIONS) {
        if ((r.aliases[version] ?? null) !== ref.v17)
          problems.push(`${r.id}: v${version} alias ${r.aliases[version] ?? 'none'}, benchmark says ${ref.v17 ?? 'none'}`);
      }
      if (r.level !== ref.level) problems.push(`${r.id}: level ${r.level}, benchmark says ${ref.level}`);
      if (r.automated !== ref.automated) problems.push(`${r.id}: automated ${r.automated}, benchmark says ${ref.automated}`);
      if (r.title !== ref.title) problems.push(`${r.id}: title "${r.title}", benchmark says "${ref.title}"`);
      if (String(r.section) !== r.id.split('.')[0]) problems.push(`${r.id}: section ${r.section}`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('fills in every metadata field', () => {
    const empty = allRules.flatMap((r) =>
      (['title', 'rationale', 'impact', 'remediation'] as const)
        .filter((field) => typeof r[field] !== 'string' || r[field].trim() === '')
        .concat(r.references.length === 0 || r.references.some((ref) => !ref.trim()) ? ['references' as never] : [])
        .concat(['low', 'medium', 'high', 'critical'].includes(r.severity) ? [] : ['severity' as never])
        .concat(r.checks === 'facts' || r.checks === 'manual' ? [] : ['checks' as never])
        .map((field) => `${r.id}: ${field}`),
    );
    expect(empty).toEqual([]);
  });
});

describe('rule fixtures', () => {
  const factsRules = allRules.filter((r) => r.checks === 'facts');

  it('every rule that decides from facts ships a pass and a fail fixture', () => {
    const missing = factsRules.flatMap((r) => {
      const f = ruleFixtures(r.id);
      return [...(f.pass.length ? [] : [`${r.id}: pass`]), ...(f.fail.length ? [] : [`${r.id}: fail`])];
    });
    expect(missing, `missing fixtures under test/fixtures/rules/: ${missing.join(', ')}`).toEqual([]);
  });

  // The one loop over test/fixtures/rules/<id>/{pass,fail}*.json: what every fixture must show,
  // whichever section the rule is in. Section tests keep only what is particular to a section.
  for (const rule of factsRules) {
    const { pass, fail } = ruleFixtures(rule.id);
    for (const file of fail) {
      it(`${rule.id} fails on ${path.basename(file)}, with evidence, and remediates`, () => {
        const results = rule.check(loadFacts(file));
        const failed = results.filter((r) => r.status === 'fail');
        expect(failed.length, JSON.stringify(results, null, 1)).toBeGreaterThan(0);
        for (const f of failed) {
          expect(f.message).toMatch(/\.$/);
          expect(f.evidence.length).toBeGreaterThan(0);
        }
        if (rule.remediate) expect(rule.remediate(loadFacts(file), DEFAULT_PARAMS).length).toBeGreaterThan(0);
      });
    }
    for (const file of pass) {
      it(`${rule.id} passes on ${path.basename(file)} and remediates nothing`, () => {
        const results = rule.check(loadFacts(file));
        const statuses = results.map((r) => r.status);
        expect(statuses, JSON.stringify(results, null, 1)).not.toContain('fail');
        expect(statuses).toContain('pass');
        expect(rule.remediate?.(loadFacts(file), DEFAULT_PARAMS) ?? []).toEqual([]);
      });
    }
  }

  it('rules decided by hand report only manual or not-applicable on a bare host', () => {
    const pretending = allRules
      .filter((r) => r.checks === 'manual')
      .flatMap((r) =>
        r
          .check(emptyFacts())
          .filter((res) => res.status !== 'manual' && res.status !== 'not-applicable')
          .map((res) => `${r.id}: ${res.status}`),
      );
    expect(pretending).toEqual([]);
  });
});

describe('every rule on every fixture', () => {
  it('never throws, whichever rule the facts were written for', () => {
    const files = allRules.flatMap((r) => Object.values(ruleFixtures(r.id)).flat());
    const crashes = [emptyFacts(), ...files.map((f) => loadFacts(f))].flatMap((facts, i) =>
      runAudit(facts, allRules)
        .findings.filter((f) => f.message.startsWith('check failed:'))
        .map((f) => `${f.id} on ${i === 0 ? 'emptyFacts()' : path.relative(RULE_FIXTURES_DIR, files[i - 1]!)}: ${f.message}`),
    );
    expect(crashes).toEqual([]);
  });
});

describe('findRule', () => {
  const rule = (id: string, v17?: string): Rule => ({
    id,
    aliases: v17 ? { '1.7.0': v17, '1.6.0': v17 } : {},
    title: id,
    section: 2,
    level: 1,
    automated: false,
    checks: 'manual',
    severity: 'low',
    rationale: 'r',
    impact: 'i',
    remediation: 'x',
    references: [],
    check: () => [],
  });
  const rules = [rule('2.6', '2.6'), rule('2.7'), rule('2.8', '2.7'), rule('2.14', '2.13'), rule('2.15', '2.14'), rule('2.19', '2.18')];

  it('reads a bare id as v1.8.0 first, then as an older alias', () => {
    expect(findRule('2.14', undefined, rules)?.id).toBe('2.14');
    expect(findRule('2.7', undefined, rules)?.id).toBe('2.7');
    expect(findRule('2.18', undefined, rules)?.id).toBe('2.19');
    expect(findRule(' 2.15 ', undefined, rules)?.id).toBe('2.15');
    expect(findRule('9.9', undefined, rules)).toBeUndefined();
  });

  it('reads an id in the version it is given', () => {
    expect(findRule('2.14', '1.7.0', rules)?.id).toBe('2.15');
    expect(findRule('2.14', 'v1.7', rules)?.id).toBe('2.15');
    expect(findRule('2.7', '1.6', rules)?.id).toBe('2.8');
    expect(findRule('2.14', '1.8.0', rules)?.id).toBe('2.14');
    expect(findRule('2.18', '1.8', rules)).toBeUndefined();
    expect(findRule('2.14', '1.5.0', rules)).toBeUndefined();
  });

  it('resolves the renumbered section 2 in the real catalog', () => {
    const pairs: [string, string | undefined, string][] = [
      ['2.14', '1.7.0', '2.15'],
      ['2.14', undefined, '2.14'],
      ['2.7', '1.7.0', '2.8'],
      ['2.18', '1.7.0', '2.19'],
      ['2.18', undefined, '2.18'],
      ['2.15', '1.6.0', '2.16'],
    ];
    const found = pairs.map(([id, version]) => findRule(id, version)?.id);
    expect(found).toEqual(pairs.map(([, , want]) => want));
  });
});
