// Reports are hostile input: every bad one is one UserError sentence naming the report and what is
// wrong (exit 2 at the CLI), never a crash deep inside a parser.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { SCAN_REPORT_MAX_BYTES, readScanReports } from '../../src/scan/index.js';
import { KINDS, fixtureText } from './scan-fixtures.js';

function refusal(text: string): UserError {
  try {
    readScanReports([{ source: 'bad.json', text }]);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('the report was accepted');
}

const trivy = () => JSON.parse(fixtureText(KINDS.trivy.vulnerable).text);
const grype = () => JSON.parse(fixtureText(KINDS.grype.vulnerable).text);
const sarif = () => JSON.parse(fixtureText(KINDS.sarif.vulnerable).text);

describe('hostile reports', () => {
  const cases: [string, () => string, RegExp][] = [
    ['not JSON', () => '{"SchemaVersion": 2,', /is not valid JSON \(line 1, column \d+/],
    ['nested thousands deep', () => `${'['.repeat(5000)}${']'.repeat(5000)}`, /nesting deeper than 1000 levels/],
    ['no known top-level field', () => '{"hello": 1}', /is not a Trivy, Grype or SARIF report/],
    ['an array', () => '[]', /is not a Trivy, Grype or SARIF report/],
    ['Trivy schema version 1', () => JSON.stringify({ ...trivy(), SchemaVersion: 1 }), /not a valid Trivy JSON report: \/SchemaVersion must be 2/],
    [
      'Trivy: a vulnerability id that is a number',
      () => {
        const t = trivy();
        t.Results[0].Vulnerabilities[0].VulnerabilityID = 42;
        return JSON.stringify(t);
      },
      /\/Results\/0\/Vulnerabilities\/0\/VulnerabilityID must be string/,
    ],
    [
      'Trivy of a filesystem',
      () => JSON.stringify({ ...trivy(), ArtifactType: 'filesystem' }),
      /is a Trivy report of a "filesystem", not of a container image/,
    ],
    ['Grype: matches is an object', () => JSON.stringify({ ...grype(), matches: {} }), /\/matches must be array/],
    ['Grype of a directory', () => JSON.stringify({ ...grype(), source: { type: 'directory', target: '/src' } }), /\/source\/type must be "image"/],
    ['Grype: an image named nowhere', () => JSON.stringify({ ...grype(), source: { type: 'image', target: {} } }), /does not name the image it scanned/],
    ['SARIF 2.0', () => JSON.stringify({ ...sarif(), version: '2.0.0' }), /\/version must be "2.1.0"/],
    [
      'SARIF that names no image',
      () => {
        const s = sarif();
        delete s.runs[0].properties;
        return JSON.stringify(s);
      },
      /run 1 \(Trivy\) does not name the image it scanned/,
    ],
    [
      'a string too long for an image id',
      () => JSON.stringify({ ...trivy(), Metadata: { ImageID: 'x'.repeat(5000) } }),
      /\/Metadata\/ImageID must NOT have more than 200 characters/,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(`${what}: one sentence naming the report`, () => {
      const err = refusal(text());
      expect(err.message).toMatch(/^The scan report bad\.json /);
      expect(err.message).toMatch(message);
      expect(err.message.split('\n')).toHaveLength(1);
      expect(err.message.length).toBeLessThan(300);
    });
  }

  it(`a report over ${SCAN_REPORT_MAX_BYTES / 1024 / 1024} MiB is refused before it is parsed`, () => {
    const huge = `{"SchemaVersion":2,"ArtifactName":"x","pad":"${'a'.repeat(SCAN_REPORT_MAX_BYTES)}"}`;
    const started = Date.now();
    expect(refusal(huge).message).toBe('The scan report bad.json is larger than 64 MiB.');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
