// Image scan reports for `audit --scan-report`: the Trivy, Grype and SARIF fixtures with values of
// the wrong type anywhere in them, broken text, and the shapes that strain a reader (huge arrays,
// deep nesting, prototype keys, image names with markup and control characters), judged against
// the host the fixtures describe and written as every report format.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Entry, FuzzCase, OutputCheck } from './case.js';
import { mutatedJson, mutatedText } from './mutate.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';

const FIXTURES = path.resolve(import.meta.dirname, '../scan/fixtures');
const read = (rel: string) => readFileSync(path.join(FIXTURES, rel), 'utf8');
const REPORTS = [
  'trivy/vulnerable.json',
  'trivy/digest.json',
  'grype/vulnerable.json',
  'grype/digest.json',
  'sarif/trivy-vulnerable.sarif',
  'sarif/grype-vulnerable.sarif',
].map(read);
// A partial facts file, completed the way the scan tests complete it.
const hostFacts = JSON.stringify(emptyFacts(JSON.parse(read('host.json')) as Partial<HostFacts>));

const trivy = JSON.parse(REPORTS[0]!) as { Results: { Vulnerabilities: unknown[] }[]; ArtifactName: string };
const vuln = trivy.Results[0]!.Vulnerabilities[0];
const withTrivy = (change: (t: Record<string, unknown>) => void) => {
  const t = structuredClone(trivy) as unknown as Record<string, unknown>;
  change(t);
  return JSON.stringify(t);
};

const special = fc.constantFrom(
  withTrivy((t) => ((t.Results as { Vulnerabilities: unknown[] }[])[0]!.Vulnerabilities = Array(50_000).fill(vuln))),
  withTrivy((t) => (t.Results = Array(100_000).fill({}))),
  withTrivy((t) => (t.ArtifactName = '<fz-inject>\u001b[2J" fz-attr="1')),
  withTrivy((t) => (t.ArtifactName = 'x'.repeat(100_000))),
  withTrivy((t) => (t.ArtifactName = '')),
  withTrivy((t) => (t.SchemaVersion = '2')),
  withTrivy((t) => (t.CreatedAt = '275760-09-14T00:00:00Z')),
  withTrivy((t) => (t.CreatedAt = 'not a date')),
  withTrivy((t) => ((t.Metadata as Record<string, unknown>).RepoTags = ['', ':', '@', '@sha256:', 'a@sha256:zz', '\u0000'])),
  withTrivy((t) => Object.defineProperty(t, '__proto__', { value: { SchemaVersion: 2 }, enumerable: true })),
  '{"SchemaVersion": 2, "ArtifactName": "a", "__proto__": {"Results": 5}, "Results": [{"__proto__": []}]}',
  '{"matches": {"length": 1e9}}',
  '{"matches": [], "source": {"target": {"userInput": "x", "imageID": "sha256:' + 'a'.repeat(64) + '", "repoDigests": null}}}',
  '{"runs": [{"tool": {"driver": {"name": "x", "rules": null}}, "results": [{"ruleId": "__proto__", "locations": [{"physicalLocation": {"artifactLocation": {"uri": "x"}}}]}]}], "version": "2.1.0"}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  `{"runs": ${'['.repeat(900)}${']'.repeat(900)}}`,
  '{"SchemaVersion": 2, "SchemaVersion": 3}',
  '\uFEFF{"SchemaVersion": 2}',
  'null',
  '',
);

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...REPORTS).chain((r) => mutatedJson(JSON.parse(r)).map((v) => JSON.stringify(v, null, 1) ?? '')) },
  { weight: 2, arbitrary: fc.constantFrom(...REPORTS).chain(mutatedText) },
  { weight: 2, arbitrary: special },
);

const FORMATS: readonly [string, OutputCheck | undefined][] = [
  ['json', 'json'],
  ['sarif', 'json'],
  ['html', 'html'],
  ['junit', 'xml'],
  ['table', undefined],
];

export const scanReportCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(text, fc.constantFrom(...FORMATS), fc.constantFrom('file', 'twice', 'with-fixture', 'fifo', 'dev-zero'))
  .map(([content, [format, check], shape]) => {
    const entries: Entry[] = [
      { path: 'in/facts.json', type: 'file', content: hostFacts },
      { path: 'in/report.json', type: 'file', content },
      { path: 'in/fixture.json', type: 'file', content: REPORTS[2]! },
      { path: 'in/fifo', type: 'fifo' },
    ];
    const file = shape === 'fifo' ? '{CASE}/in/fifo' : shape === 'dev-zero' ? '/dev/zero' : '{CASE}/in/report.json';
    const reports = [file, ...(shape === 'twice' ? [file] : shape === 'with-fixture' ? ['{CASE}/in/fixture.json'] : [])].flatMap((f) => ['--scan-report', f]);
    return {
      kind: 'scan-report' as const,
      entries,
      argv: ['--from', '{CASE}/in/facts.json', 'audit', '--fail-on', 'none', '--format', format, ...reports],
      ...(check ? { outputCheck: check } : {}),
    };
  });
