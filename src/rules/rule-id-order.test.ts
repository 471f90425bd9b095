import { describe, expect, it } from 'vitest';
import { compareRuleIds } from './rule-id-order.js';

describe('compareRuleIds', () => {
  it('orders ids by their numeric parts', () => {
    const ids = ['2.10', '1.2.1', '2.9', '1.1.18', '10.1', '1.1.2', '2.1', '5.32'];
    expect([...ids].sort(compareRuleIds)).toEqual(['1.1.2', '1.1.18', '1.2.1', '2.1', '2.9', '2.10', '5.32', '10.1']);
  });

  it('puts a prefix before its longer ids and orders non-numeric ids as text', () => {
    expect(['4.1.1', '4.1', '4'].sort(compareRuleIds)).toEqual(['4', '4.1', '4.1.1']);
    expect(['DH-IMG-002', 'DH-IMG-001'].sort(compareRuleIds)).toEqual(['DH-IMG-001', 'DH-IMG-002']);
    expect(compareRuleIds('2.10', '2.10')).toBe(0);
  });
});
