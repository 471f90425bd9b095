import { describe, expect, it } from 'vitest';
import { matchesSelector, selectRules, unmatchedSelectors } from './selection.js';

const rules = ['1.1.1', '1.1.18', '1.2.1', '2.1', '2.10', '2.15', '5.5', '5.31'].map((id, i) => ({ id, level: (i % 2 ? 2 : 1) as 1 | 2 }));
const ids = (sel: Parameters<typeof selectRules>[1]) => selectRules(rules, sel).map((r) => r.id);

describe('rule selection', () => {
  it.each([
    ['2.1', '2.1', true],
    ['2.10', '2.1', false],
    ['2.15', '2.1', false],
    ['1.1.18', '1.1', true],
    ['1.2.1', '1.1', false],
    ['5.31', '5', true],
    ['5.31', '5.', true],
    ['1.1.1', '', false],
  ])('%s matches selector "%s": %s', (id, selector, expected) => {
    expect(matchesSelector(id, selector)).toBe(expected);
  });

  it('includes, then excludes, then caps the level', () => {
    expect(ids({})).toHaveLength(rules.length);
    expect(ids({ include: ['1.1', '5'] })).toEqual(['1.1.1', '1.1.18', '5.5', '5.31']);
    expect(ids({ include: ['1.1', '5'], exclude: ['5.31', '1.1.1'] })).toEqual(['1.1.18', '5.5']);
    expect(ids({ exclude: ['2'] })).toEqual(['1.1.1', '1.1.18', '1.2.1', '5.5', '5.31']);
    expect(ids({ level: 1 })).toEqual(['1.1.1', '1.2.1', '2.10', '5.5']);
    expect(ids({ level: 2 })).toHaveLength(rules.length);
  });

  it('names the selectors that match nothing', () => {
    expect(unmatchedSelectors(rules, { include: ['2.1', '2.99'], exclude: ['8'] })).toEqual(['2.99', '8']);
  });
});
