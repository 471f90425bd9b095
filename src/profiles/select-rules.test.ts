import { describe, expect, it } from 'vitest';
import { CIS_V180_ITEMS } from '../rules/cis-v1.8.0-ids.js';
import type { Rule, Section } from '../rules/rule.js';
import { selectRules } from './select-rules.js';
import type { ProfileSelect } from './types.js';

// Rules shaped like the catalog's: v1.8.0 id, section, level and v1.6/v1.7 aliases.
const rules = CIS_V180_ITEMS.map(
  (item) =>
    ({
      id: item.id,
      section: Number(item.id.split('.')[0]) as Section,
      level: item.level,
      aliases: item.v17 ? { '1.7.0': item.v17, '1.6.0': item.v17 } : {},
    }) as Rule,
);

const ids = (select: Partial<ProfileSelect>, from: readonly Rule[] = rules) =>
  selectRules({ select: { include: [], exclude: [], ...select } }, from).map((r) => r.id);

describe('selectRules', () => {
  it('selects everything when nothing narrows it', () => {
    expect(ids({})).toEqual(CIS_V180_ITEMS.map((i) => i.id));
  });

  it('filters by section and level', () => {
    expect(ids({ sections: [7] })).toEqual(['7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '7.7', '7.8', '7.9']);
    expect(ids({ sections: [2], levels: [2] })).toEqual(['2.10', '2.11', '2.12', '2.13', '2.14', '2.18']);
    expect(ids({ sections: [1], levels: [1] })).toEqual(['1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.1.5', '1.1.6', '1.2.1', '1.2.2']);
  });

  it('adds include after the filters and removes exclude last', () => {
    expect(ids({ sections: [6], include: ['2.3', '7.1'] })).toEqual(['2.3', '6.1', '6.2', '7.1']);
    expect(ids({ sections: [6], include: ['7.1'], exclude: ['7.1', '6.2'] })).toEqual(['6.1']);
    expect(ids({ sections: [], include: ['5.10'] })).toEqual(['5.10']);
  });

  it('reads a bare id as v1.8.0 and a version-qualified one as that version', () => {
    // v1.7 "2.14" is no-new-privileges, which v1.8.0 numbers 2.15; v1.8.0 "2.14" is remote logging.
    expect(ids({ sections: [], include: ['1.7.0:2.14'] })).toEqual(['2.15']);
    expect(ids({ sections: [], include: ['v1.6:2.14'] })).toEqual(['2.15']);
    expect(ids({ sections: [], include: ['2.14'] })).toEqual(['2.14']);
    expect(ids({ sections: [2], levels: [1], exclude: ['1.7.0:2.2', '1.7.0:2.7', '1.7.0:2.15', '1.7.0:2.18'] })).toEqual([
      '2.1',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
      '2.7',
      '2.9',
      '2.15',
      '2.17',
    ]);
  });

  it('keeps the order and identity of the rules it is given, and reads ids the same in a subset', () => {
    const subset = [rules.find((r) => r.id === '2.15')!, rules.find((r) => r.id === '1.1.3')!];
    // "2.14" names v1.8.0 2.14 even when that rule is not in the list: it never falls back to 2.15's alias.
    expect(ids({ sections: [], include: ['2.14'] }, subset)).toEqual([]);
    expect(selectRules({ select: { include: [], exclude: [] } }, subset)).toEqual(subset);
    expect(selectRules({ select: { include: [], exclude: [] } }, subset)[0]).toBe(subset[0]);
  });
});
