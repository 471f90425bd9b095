import { describe, expect, it } from 'vitest';
import type { Rule } from '../rules/rule.js';
import { emptyFacts } from '../facts/empty-facts.js';
import { runAudit, checkRule } from './run-audit.js';
import { failingAtOrAbove } from './findings.js';
import { sampleFacts, sampleRules, insecureRegistries, broken, privileged } from './testing/sample-rules.js';

describe('runAudit', () => {
  it('turns every check result into a finding carrying the rule metadata', () => {
    const report = runAudit(sampleFacts(), sampleRules);
    expect(report.findings.map((f) => [f.id, f.status, f.subject?.container])).toEqual([
      ['1.1.2', 'manual', undefined],
      ['2.3', 'warn', undefined],
      ['2.5', 'fail', undefined],
      ['5.5', 'fail', 'web'],
      ['5.5', 'pass', 'db'],
      ['6.1', 'warn', undefined],
      ['7.1', 'not-applicable', undefined],
    ]);
    const fail = report.findings.find((f) => f.id === '2.5')!;
    expect(fail).toEqual({
      id: '2.5',
      aliases: { '1.7.0': '2.5', '1.6.0': '2.5' },
      title: 'Ensure insecure registries are not used',
      section: 2,
      level: 1,
      status: 'fail',
      severity: 'high',
      evidence: [{ kind: 'daemon.json', detail: '/etc/docker/daemon.json: "insecure-registries": ["10.1.2.3:5000"]', path: '/etc/docker/daemon.json' }],
      message: 'Insecure registries: 10.1.2.3:5000.',
      remediation: 'Fix 2.5.',
    });
    expect(report.facts).toEqual({ source: 'host', collectedAt: '2025-01-02T03:04:05.000Z', hostname: 'node-1' });
    expect(report.rules.map((r) => r.id)).toEqual(['1.1.2', '2.3', '2.5', '5.5', '6.1', '7.1']);
    expect(report.rules[0]).not.toHaveProperty('check');
  });

  it('turns a throwing check into a warn finding and still runs the rules after it', () => {
    const report = runAudit(sampleFacts(), [broken, insecureRegistries]);
    expect(report.findings[0]).toMatchObject({ id: '6.1', status: 'warn', message: "check failed: Cannot read properties of null (reading 'images')" });
    expect(report.findings[1]).toMatchObject({ id: '2.5', status: 'fail' });
  });

  it('never lets a malformed result through as a pass', () => {
    const facts = emptyFacts();
    const returning = (value: unknown): Rule => ({ ...insecureRegistries, check: () => value as never });
    expect(checkRule(returning(undefined), facts)).toEqual([{ status: 'warn', message: 'check failed: the check returned no result list', evidence: [] }]);
    expect(checkRule(returning([{ status: 'ok', message: 'fine' }]), facts)[0]).toMatchObject({
      status: 'warn',
      message: 'check failed: the check returned an unknown status "ok"',
    });
    expect(checkRule(returning([null]), facts)[0]!.status).toBe('warn');
    expect(checkRule(returning([]), facts)).toEqual([{ status: 'not-applicable', message: 'Nothing to check on this host.', evidence: [] }]);
    expect(checkRule(returning([{ status: 'pass', message: 'x' }]), facts)).toEqual([{ status: 'pass', message: 'x', evidence: [] }]);
    expect(checkRule(returning([{ status: 'fail', message: 42, evidence: [null, { kind: 'file' }] }]), facts)).toEqual([
      { status: 'fail', message: '42', evidence: [{ kind: 'file', detail: '' }] },
    ]);
  });

  it('counts per status, per section and failing per severity', () => {
    const { summary } = runAudit(sampleFacts(), sampleRules);
    expect(summary.total).toBe(7);
    expect(summary.byStatus).toEqual({ pass: 1, fail: 2, warn: 2, manual: 1, 'not-applicable': 1, waived: 0 });
    expect(summary.bySection['5']).toEqual({ pass: 1, fail: 1, warn: 0, manual: 0, 'not-applicable': 0, waived: 0 });
    expect(summary.bySection['2']).toMatchObject({ fail: 1, warn: 1 });
    expect(Object.keys(summary.bySection).sort()).toEqual(['1', '2', '5', '6', '7']);
    expect(summary.failingBySeverity).toEqual({ critical: 1, high: 1, medium: 0, low: 0 });
  });

  it('runs only the selected rules', () => {
    const ids = (selection: Parameters<typeof runAudit>[2]) => [...new Set(runAudit(sampleFacts(), sampleRules, selection).findings.map((f) => f.id))];
    expect(ids({ selection: { include: ['2'] } })).toEqual(['2.3', '2.5']);
    expect(ids({ selection: { include: ['2', '5.5'], exclude: ['2.3'] } })).toEqual(['2.5', '5.5']);
    expect(ids({ selection: { level: 1 } })).not.toContain('6.1');
    expect(ids({ selection: { level: 2 } })).toContain('6.1');
  });
});

describe('failingAtOrAbove', () => {
  it('counts failures at or above the threshold, never warnings', () => {
    const { findings } = runAudit(sampleFacts(), sampleRules);
    expect(failingAtOrAbove(findings, 'critical').map((f) => f.id)).toEqual(['5.5']);
    expect(failingAtOrAbove(findings, 'high').map((f) => f.id)).toEqual(['2.5', '5.5']);
    expect(failingAtOrAbove(findings, 'low').map((f) => f.id)).toEqual(['2.5', '5.5']);
    const clean = runAudit(emptyFacts(), [privileged, insecureRegistries]);
    expect(failingAtOrAbove(clean.findings, 'low')).toEqual([]);
  });
});
