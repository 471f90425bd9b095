import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { runAudit } from './run-audit.js';
import { evidencePath, formatSarif, levelFor } from './format-sarif.js';
import { sampleFacts, sampleRules } from './testing/sample-rules.js';

const SCHEMA = path.resolve(import.meta.dirname, '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function validator() {
  // Both packages are CommonJS whose exports also carry themselves as .default: that is the class
  // (and the plugin) under Node's ESM loader and in TypeScript's NodeNext view alike.
  const Ajv = AjvDraft04.default;
  const formats = addFormats.default;
  // The schema's language-tag pattern is only valid without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  formats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
}

const NOW = new Date('2025-06-15T00:00:00Z');

describe('SARIF report', () => {
  const report = runAudit(sampleFacts(), sampleRules, { now: NOW });
  const sarif = JSON.parse(formatSarif(report, '9.9.9'));
  const run = sarif.runs[0];

  it('validates against the SARIF 2.1.0 schema (fail, warn and pass findings, a container and a path)', () => {
    const validate = validator();
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator does reject a broken document, so the check above means something.
    expect(validate({ ...sarif, runs: [{ ...run, results: [{ ruleId: '2.5', level: 'fatal', message: { text: 'x' } }] }] })).toBe(false);
  });

  it('carries an engine that did not answer as run properties and a tool notification, still valid SARIF', () => {
    const engine = { endpoint: 'unix:///nope.sock', status: 'not-running', message: 'no answer at unix:///nope.sock (ENOENT)', required: false };
    const withEngine = JSON.parse(formatSarif({ ...report, engine }, '9.9.9'));
    const validate = validator();
    expect(validate(withEngine), JSON.stringify(validate.errors)).toBe(true);
    expect(withEngine.runs[0].properties.engine).toEqual(engine);
    expect(withEngine.runs[0].invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: 'warning', message: { text: expect.stringMatching(/^The Docker engine at unix:\/\/\/nope\.sock was not reached/) } },
        ],
      },
    ]);
    expect(run.invocations).toBeUndefined();
  });

  it('describes every audited rule in the driver', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'docker-harden', version: '9.9.9' });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['1.1.2', '2.3', '2.5', '5.5', '6.1', '7.1']);
    expect(run.tool.driver.rules[2]).toMatchObject({
      id: '2.5',
      name: 'EnsureInsecureRegistriesAreNotUsed',
      shortDescription: { text: 'Ensure insecure registries are not used' },
      fullDescription: { text: 'Why 2.5 matters.' },
      help: { text: 'Fix 2.5.' },
      properties: { tags: ['security', 'cis-docker-benchmark', 'section-2', 'level-1', 'high'], level: 1, severity: 'high', 'security-severity': '8.0' },
    });
  });

  it('reports only failures and warnings, with error for critical/high failures', () => {
    const summary = run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]);
    expect(summary).toEqual([
      ['2.3', 'warning'],
      ['2.5', 'error'],
      ['5.5', 'error'],
      ['6.1', 'warning'],
    ]);
    expect(run.results.every((r: { ruleIndex: number; ruleId: string }) => run.tool.driver.rules[r.ruleIndex].id === r.ruleId)).toBe(true);
    expect(levelFor('fail', 'medium')).toBe('warning');
    expect(levelFor('fail', 'low')).toBe('warning');
    expect(levelFor('warn', 'critical')).toBe('warning');
  });

  it('locates a finding at the file its evidence names, else at its container', () => {
    const byId = (id: string) => run.results.find((r: { ruleId: string }) => r.ruleId === id);
    expect(byId('2.5').locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'file:///etc/docker/daemon.json' } } }]);
    expect(byId('5.5').locations).toEqual([{ logicalLocations: [{ name: 'web', fullyQualifiedName: 'container/web', kind: 'resource' }] }]);
    expect(byId('2.3').locations).toBeUndefined();
    expect(byId('2.5').message.text).toBe('Insecure registries: 10.1.2.3:5000.');
  });

  it('keeps a waived failure as a suppressed result with the reason', () => {
    const waived = JSON.parse(formatSarif(runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '2.5', reason: 'lab mirror' }] })));
    const result = waived.runs[0].results.find((r: { ruleId: string }) => r.ruleId === '2.5');
    expect(result.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'lab mirror' }]);
    expect(validator()(waived)).toBe(true);
  });

  it('reads a path from evidence only where it names a host file', () => {
    expect(evidencePath({ kind: 'file', detail: '/etc/docker mode 0777' })).toBe('/etc/docker');
    expect(evidencePath({ kind: 'daemon.json', detail: '/etc/docker/daemon.json: "icc": true' })).toBe('/etc/docker/daemon.json');
    expect(evidencePath({ kind: 'container', detail: '/etc:/etc:rw' })).toBeUndefined();
    expect(evidencePath({ kind: 'flag', detail: '--log-level=debug' })).toBeUndefined();
    expect(evidencePath({ kind: 'container', detail: 'x', path: '/var/run/docker.sock' })).toBe('/var/run/docker.sock');
    const odd = JSON.parse(
      formatSarif(
        runAudit(sampleFacts(), [
          { ...sampleRules[2]!, check: () => [{ status: 'fail', message: 'm', evidence: [{ kind: 'file', detail: 'd', path: '/srv/my dir/a#b' }] }] },
        ]),
      ),
    );
    expect(odd.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('file:///srv/my%20dir/a%23b');
  });
});
