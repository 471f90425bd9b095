import { describe, expect, it } from 'vitest';
import { runAudit } from './run-audit.js';
import { formatJson } from './format-json.js';
import { VERSION } from '../core/version.js';
import { sampleFacts, sampleRules } from './testing/sample-rules.js';

describe('JSON report', () => {
  const report = runAudit(sampleFacts(), sampleRules, { now: new Date('2025-06-15T00:00:00Z'), waivers: [{ id: '5.5', reason: 'CI runner' }] });
  const json = JSON.parse(formatJson(report));

  it('has the documented top-level shape', () => {
    expect(Object.keys(json)).toEqual(['tool', 'version', 'benchmark', 'facts', 'results', 'summary']);
    expect(json).toMatchObject({
      tool: 'docker-harden',
      version: VERSION,
      benchmark: 'CIS Docker Benchmark v1.8.0',
      facts: { source: 'host', collectedAt: '2025-01-02T03:04:05.000Z' },
    });
    expect(json.summary).toEqual(report.summary);
  });

  it('writes one result per finding, with subject and waiver only where they apply', () => {
    expect(json.results).toHaveLength(7);
    const web = json.results.find((r: { subject?: { container: string } }) => r.subject?.container === 'web');
    expect(Object.keys(web)).toEqual([
      'id',
      'aliases',
      'title',
      'section',
      'level',
      'status',
      'severity',
      'evidence',
      'remediation',
      'message',
      'subject',
      'waiver',
    ]);
    expect(web).toMatchObject({ id: '5.5', status: 'waived', severity: 'critical', waiver: { reason: 'CI runner' } });
    const fail = json.results.find((r: { id: string }) => r.id === '2.5');
    expect(fail).not.toHaveProperty('subject');
    expect(fail).not.toHaveProperty('waiver');
    expect(fail.evidence[0].path).toBe('/etc/docker/daemon.json');
  });
});
