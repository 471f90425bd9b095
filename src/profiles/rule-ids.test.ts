import { describe, expect, it } from 'vitest';
import { allRules, findRule } from '../rules/catalog.js';
import { CIS_V180_ITEMS } from '../rules/cis-v1.8.0-ids.js';
import { canonicalRuleId } from './rule-ids.js';

describe('canonicalRuleId', () => {
  it('reads bare ids as v1.8.0 and qualified ones in their version', () => {
    expect(canonicalRuleId('2.14')).toBe('2.14');
    expect(canonicalRuleId('1.7.0:2.14')).toBe('2.15');
    expect(canonicalRuleId('v1.7:2.14')).toBe('2.15');
    expect(canonicalRuleId('1.6:2.18')).toBe('2.19');
    expect(canonicalRuleId('1.8.0:2.7')).toBe('2.7');
    expect(canonicalRuleId('1.7.0:2.19')).toBeUndefined();
    expect(canonicalRuleId('2.20')).toBeUndefined();
    expect(canonicalRuleId('1.5.0:2.1')).toBeUndefined();
  });

  it('knows every benchmark item', () => {
    for (const item of CIS_V180_ITEMS) expect(canonicalRuleId(item.id)).toBe(item.id);
  });

  it("agrees with the catalog's findRule for every rule id and alias", () => {
    for (const rule of allRules) {
      expect(canonicalRuleId(rule.id)).toBe(findRule(rule.id)?.id);
      for (const [version, alias] of Object.entries(rule.aliases)) {
        expect(canonicalRuleId(`${version}:${alias}`)).toBe(findRule(alias, version)?.id);
        expect(canonicalRuleId(`${version}:${alias}`)).toBe(rule.id);
      }
    }
  });
});
