import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../facts/empty-facts.js';
import { DEFAULT_PARAMS } from './params.js';
import type { CheckResult } from './rule.js';
import { factsItem, itemMeta, manualItem } from './item-rule.js';

const text = { title: 'T', severity: 'low' as const, rationale: 'R', impact: 'I', remediation: 'M', references: ['CIS'] };
const result = (status: CheckResult['status'], message: string = status): CheckResult => ({ status, message, evidence: [] });

describe('itemMeta', () => {
  it('fills the section, the same id in earlier versions, level 1 and not automated', () => {
    expect(itemMeta({ id: '4.12', ...text }, 'manual')).toEqual({
      id: '4.12',
      aliases: { '1.7.0': '4.12', '1.6.0': '4.12' },
      section: 4,
      level: 1,
      automated: false,
      checks: 'manual',
      ...text,
    });
  });

  it('keeps what an item states, and none of the builder fields', () => {
    const meta = itemMeta({ id: '2.8', ...text, aliases: { '1.7.0': '2.7' }, level: 2, automated: true, check: () => [] } as never, 'facts');
    expect(meta).toMatchObject({ section: 2, aliases: { '1.7.0': '2.7' }, level: 2, automated: true });
    expect(meta).not.toHaveProperty('check');
  });
});

describe('factsItem', () => {
  const facts = emptyFacts();

  it('fixes only the failed results it is given, without running the check again', () => {
    let checks = 0;
    const rule = factsItem({
      id: '6.1',
      ...text,
      check: () => (checks++, [result('fail')]),
      fix: (failed) => failed.map((r) => ({ kind: 'manual' as const, text: r.message })),
    });
    expect(rule.remediate!(facts, DEFAULT_PARAMS, [result('pass'), result('fail', 'a'), result('warn'), result('fail', 'b')])).toEqual([
      { kind: 'manual', text: 'a' },
      { kind: 'manual', text: 'b' },
    ]);
    expect(checks).toBe(0);
    expect(rule.remediate!(facts, DEFAULT_PARAMS)).toEqual([{ kind: 'manual', text: 'fail' }]);
    expect(checks).toBe(1);
  });

  it('gives its advice once when anything failed, and nothing otherwise', () => {
    const rule = factsItem({ id: '7.5', ...text, check: () => [], advice: { text: 'do it' } });
    expect(rule.remediate!(facts, DEFAULT_PARAMS, [result('fail'), result('fail')])).toEqual([{ kind: 'manual', text: 'do it' }]);
    expect(rule.remediate!(facts, DEFAULT_PARAMS, [result('warn')])).toEqual([]);
  });

  it('has no remediate without a fix, and a manual item never has one', () => {
    expect(factsItem({ id: '4.6', ...text, check: () => [] }).remediate).toBeUndefined();
    expect(manualItem({ id: '4.2', ...text, check: () => [] })).not.toHaveProperty('remediate');
  });
});
