import { describe, expect, it } from 'vitest';
import { activeWaiverFor, isWaiverActive } from './waivers.js';

describe('isWaiverActive', () => {
  const waiver = { id: '5.10', reason: 'monitoring agent', expires: '2027-06-30' };

  it('waives through the whole expiry day (UTC) and not after it', () => {
    expect(isWaiverActive(waiver, new Date('2027-06-30T00:00:00Z'))).toBe(true);
    expect(isWaiverActive(waiver, new Date('2027-06-30T23:59:59.999Z'))).toBe(true);
    expect(isWaiverActive(waiver, new Date('2027-07-01T00:00:00Z'))).toBe(false);
    expect(isWaiverActive(waiver, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('never expires without a date, and uses the current time by default', () => {
    expect(isWaiverActive({ id: '5.10', reason: 'r' }, new Date('2999-01-01T00:00:00Z'))).toBe(true);
    expect(isWaiverActive({ ...waiver, expires: '2000-01-01' })).toBe(false);
    expect(isWaiverActive({ ...waiver, expires: '2999-01-01' })).toBe(true);
  });

  it('finds the waiver that applies to a rule now', () => {
    const waivers = [waiver, { id: '2.15', reason: 'setuid tools' }];
    expect(activeWaiverFor(waivers, '5.10', new Date('2027-01-01T00:00:00Z'))).toBe(waiver);
    expect(activeWaiverFor(waivers, '5.10', new Date('2028-01-01T00:00:00Z'))).toBeUndefined();
    expect(activeWaiverFor(waivers, '2.16')).toBeUndefined();
  });
});
