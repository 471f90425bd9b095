import { describe, expect, it } from 'vitest';
import { runAudit } from '../run-audit.js';
import { emptyStatusCounts, type Waiver } from '../findings.js';
import { sampleFacts, sampleRules } from '../testing/sample-rules.js';
import { buildReportModel } from './report-model.js';
import { scoreOf } from './section-scores.js';

const NOW = new Date('2025-06-15T00:00:00Z');
const WAIVERS: Waiver[] = [
  { id: '5.5', reason: 'CI runner', expires: '2025-06-30' },
  { id: '5.5', reason: 'a second waiver of the same id never applies' },
  { id: '2.5', reason: 'lab registry', expires: '2025-01-31' },
  { id: '7.1', reason: 'no swarm here' },
];

function model(facts = sampleFacts(), waivers: Waiver[] = WAIVERS, profileName?: string) {
  const report = runAudit(facts, sampleRules, { now: NOW, waivers });
  return buildReportModel(report, { facts, now: NOW, toolVersion: '1.2.3', waivers, ...(profileName ? { profileName } : {}) });
}

describe('scores', () => {
  it('counts the share of decided results that pass, and draws every status', () => {
    const score = scoreOf({ ...emptyStatusCounts(), pass: 2, fail: 1, manual: 1 });
    expect(score).toMatchObject({ percent: 66, text: '66%', caption: '2 of 3 pass', grade: 'fair', total: 4 });
    expect(score.segments).toEqual([
      { status: 'pass', label: 'Pass', count: 2, x: '0.00', width: '50.00' },
      { status: 'fail', label: 'Fail', count: 1, x: '50.00', width: '25.00' },
      { status: 'manual', label: 'Manual', count: 1, x: '75.00', width: '25.00' },
    ]);
  });

  it('has no score where nothing was decided, and grades the rest', () => {
    expect(scoreOf({ ...emptyStatusCounts(), manual: 3, waived: 1 })).toMatchObject({ percent: null, text: 'n/a', grade: 'none' });
    expect(scoreOf({ ...emptyStatusCounts(), pass: 9, warn: 1 }).grade).toBe('good');
    expect(scoreOf({ ...emptyStatusCounts(), pass: 1, fail: 1 }).grade).toBe('poor');
    expect(scoreOf(emptyStatusCounts()).segments).toEqual([]);
  });
});

describe('report model', () => {
  it('names the host, the engine, the profile and both dates', () => {
    const m = model(sampleFacts(), WAIVERS, 'strict');
    expect(m.title).toBe('CIS Docker audit of node-1');
    expect(m.meta).toEqual([
      { label: 'Host', value: 'node-1' },
      { label: 'Engine', value: 'Docker 20.10.24' },
      { label: 'Endpoint', value: 'unix:///var/run/docker.sock' },
      { label: 'Profile', value: 'strict' },
      { label: 'Facts collected', value: '2025-01-02T03:04:05.000Z (read from the host)' },
      { label: 'Report made', value: '2025-06-15T00:00:00.000Z by docker-harden 1.2.3' },
    ]);
    const bare = model({ ...sampleFacts(), engine: null }, []);
    expect(bare.meta.find((r) => r.label === 'Engine')?.value).toBe('no engine answered');
    expect(bare.meta.find((r) => r.label === 'Profile')?.value).toBe('none (the whole catalog)');
  });

  it('scores each section in benchmark order and lists failures first within it', () => {
    const m = model();
    expect(m.sections.map((s) => [s.section, s.text])).toEqual([
      [1, 'n/a'],
      [2, '0%'],
      [5, '100%'],
      [6, '0%'],
      [7, 'n/a'],
    ]);
    expect(m.sections.find((s) => s.section === 2)!.findings.map((f) => [f.id, f.status])).toEqual([
      ['2.5', 'fail'],
      ['2.3', 'warn'],
    ]);
    expect(m.sections.find((s) => s.section === 5)!.findings.map((f) => [f.status, f.target])).toEqual([
      ['waived', 'web'],
      ['pass', 'db'],
    ]);
  });

  it('joins each result to its rule and its waiver', () => {
    const f = model().sections.find((s) => s.section === 5)!.findings[0]!;
    expect(f).toMatchObject({
      id: '5.5',
      target: 'web',
      message: 'web runs privileged.',
      evidence: [{ kind: 'container', detail: 'HostConfig.Privileged=true' }],
      remediation: 'Fix 5.5.',
      rationale: 'Why 5.5 matters.',
      waiver: { reason: 'CI runner', expires: '2025-06-30', expired: false },
      open: false,
    });
    expect(model().sections[1]!.findings[0]).toMatchObject({ id: '2.5', open: true, waiver: { reason: 'lab registry', expired: true } });
  });

  it('shows every waiver with its state: active until when, expired, or matching nothing', () => {
    expect(model().waivers.map((w) => [w.id, w.state, w.stateText, w.targets])).toEqual([
      ['5.5', 'active', 'expires in 16 days', 'web'],
      ['2.5', 'expired', 'expired: its failures count again', 'host'],
      ['7.1', 'unused', 'matches no failing result on this host', ''],
    ]);
  });

  it('spells out control characters from the host instead of passing them on', () => {
    const facts = sampleFacts();
    facts.hostname = 'evil\u001B[2Jhost';
    facts.engine!.containers[0]!.Name = '/we\nb\u0007';
    const m = model(facts, []);
    expect(m.host).toBe('evil\\x1B[2Jhost');
    const target = m.sections.find((s) => s.section === 5)!.findings[0]!.target;
    expect(target).toBe('we b\\x07');
    expect(JSON.stringify(m)).not.toMatch(/\\u001b|\\u0007/i);
  });
});
