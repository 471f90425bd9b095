// --only read into statuses: separators, aliases, and one sentence for a word that is not a status.
import { describe, expect, it } from 'vitest';
import { parseStatusList } from '../../src/audit/options.js';
import { UserError } from '../../src/core/errors.js';

describe('--only', () => {
  it.each([
    ['fail', ['fail']],
    ['fail,warn', ['fail', 'warn']],
    [
      ['fail', ' WARN , n/a'],
      ['fail', 'warn', 'not-applicable'],
    ],
    ['skip,na,not-applicable', ['not-applicable']],
    ['pass,waived,manual', ['pass', 'waived', 'manual']],
  ] as const)('%j', (value, statuses) => {
    expect(parseStatusList(value)).toEqual(statuses);
  });

  it.each(['failed', '__proto__', 'constructor', ',', ''])('refuses %j in one sentence', (value) => {
    expect(() => parseStatusList(value)).toThrow(UserError);
  });

  it('names the choices', () => {
    expect(() => parseStatusList('error')).toThrow('Unknown status "error".');
    try {
      parseStatusList('error');
    } catch (err) {
      expect((err as UserError).hint).toBe('Use --only with one or more of: fail, warn, waived, manual, not-applicable, pass (comma-separated).');
    }
  });
});
