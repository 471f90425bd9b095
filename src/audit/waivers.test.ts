import { describe, expect, it } from 'vitest';
import { runAudit } from './run-audit.js';
import { failingAtOrAbove } from './findings.js';
import { isExpired, waiverEnd } from '../profiles/waivers.js';
import { sampleFacts, sampleRules } from './testing/sample-rules.js';

const NOW = new Date('2025-06-15T12:00:00Z');

describe('waivers', () => {
  it('waives a failing finding with its reason and takes it out of the exit threshold', () => {
    const report = runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '2.5', reason: 'lab mirror, no TLS', expires: '2025-12-31' }] });
    const finding = report.findings.find((f) => f.id === '2.5')!;
    expect(finding.status).toBe('waived');
    expect(finding.waiver).toEqual({ reason: 'lab mirror, no TLS', expires: '2025-12-31' });
    expect(report.summary.byStatus.waived).toBe(1);
    expect(report.summary.byStatus.fail).toBe(1);
    expect(report.summary.failingBySeverity.high).toBe(0);
    expect(failingAtOrAbove(report.findings, 'high').map((f) => f.id)).toEqual(['5.5']);
    expect(report.notes).toEqual([]);
  });

  it('waives every per-container failure of the id, and leaves passes alone', () => {
    const report = runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '5.5', reason: 'CI runner' }] });
    const byContainer = report.findings.filter((f) => f.id === '5.5').map((f) => [f.subject?.container, f.status, f.waiver?.reason]);
    expect(byContainer).toEqual([
      ['web', 'waived', 'CI runner'],
      ['db', 'pass', undefined],
    ]);
  });

  it('stops waiving once expired, but keeps the waiver on the finding and notes it', () => {
    const report = runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '2.5', reason: 'lab mirror', expires: '2025-06-14' }] });
    const finding = report.findings.find((f) => f.id === '2.5')!;
    expect(finding.status).toBe('fail');
    expect(finding.waiver).toEqual({ reason: 'lab mirror', expires: '2025-06-14', expired: true });
    expect(report.notes).toEqual(['The waiver for 2.5 expired on 2025-06-14 and no longer applies (reason was: lab mirror).']);
  });

  it('treats a date as valid through that whole day (UTC) and a date-time as exact', () => {
    expect(isExpired({ id: 'x', reason: 'r', expires: '2025-06-15' }, NOW)).toBe(false);
    expect(isExpired({ id: 'x', reason: 'r', expires: '2025-06-15' }, new Date('2025-06-16T00:00:00Z'))).toBe(true);
    expect(isExpired({ id: 'x', reason: 'r', expires: '2025-06-15T11:59:59Z' }, NOW)).toBe(true);
    expect(isExpired({ id: 'x', reason: 'r', expires: '2025-06-15T12:00:01Z' }, NOW)).toBe(false);
    expect(isExpired({ id: 'x', reason: 'r' }, NOW)).toBe(false);
  });

  it('treats an unreadable expiry as expired, so a typo never waives forever', () => {
    expect(waiverEnd('next year')).toBe(Number.NEGATIVE_INFINITY);
    const report = runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '2.5', reason: 'r', expires: '31/12/2099' }] });
    expect(report.findings.find((f) => f.id === '2.5')!.status).toBe('fail');
    expect(report.notes[0]).toContain('unreadable expiry "31/12/2099"');
  });

  it('notes a waiver that matches no audited rule', () => {
    const report = runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '9.9', reason: 'old' }] });
    expect(report.notes).toEqual(['The waiver for 9.9 matches no audited rule.']);
  });
});
