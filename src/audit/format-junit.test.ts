import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runAudit } from './run-audit.js';
import { formatJunit } from './format-junit.js';
import { sampleFacts, sampleRules, insecureRegistries } from './testing/sample-rules.js';
import { findExecutable } from '../../test/support/private-engine.js';

// A real XML parser (Python's expat) reads the report back; it rejects anything not well-formed.
const PARSE = `
import sys, json, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
def case(c):
    child = next(iter(c), None)
    return {"name": c.get("name"), "kind": child.tag if child is not None else None,
            "message": child.get("message") if child is not None else None,
            "text": child.text if child is not None else None}
print(json.dumps({"root": dict(root.attrib), "suites": [
    {"attrs": dict(s.attrib), "cases": [case(c) for c in s]} for s in root]}))
`;
function parse(xml: string) {
  return JSON.parse(execFileSync('python3', ['-c', PARSE], { input: xml, encoding: 'utf8' }));
}

const NOW = new Date('2025-06-15T00:00:00Z');

// Reported as skipped (not passed) on a machine without python3.
describe.skipIf(!findExecutable('python3'))('JUnit report', () => {
  const report = runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '5.5', reason: 'CI runner' }] });

  it('has a test suite per section and a test case per finding', () => {
    const doc = parse(formatJunit(report));
    expect(doc.root).toMatchObject({ tests: '7', failures: '1', skipped: '3', errors: '0' });
    expect(doc.suites.map((s: { attrs: { name: string } }) => s.attrs.name)).toEqual([
      '1 Host Configuration',
      '2 Docker daemon configuration',
      '5 Container Runtime Configuration',
      '6 Docker Security Operations',
      '7 Docker Swarm Configuration',
    ]);
    expect(doc.suites[1].attrs).toMatchObject({ tests: '2', failures: '1', skipped: '0' });
    const cases = doc.suites.flatMap((s: { cases: unknown[] }) => s.cases);
    expect(cases.map((c: { name: string; kind: string | null }) => [c.name, c.kind])).toEqual([
      ['1.1.2 Ensure only trusted users are allowed to control Docker daemon', 'skipped'],
      ["2.3 Ensure the logging level is set to 'info'", 'system-out'],
      ['2.5 Ensure insecure registries are not used', 'failure'],
      ['5.5 [web] Ensure that privileged containers are not used', 'skipped'],
      ['5.5 [db] Ensure that privileged containers are not used', null],
      ['6.1 Ensure that image sprawl is avoided', 'system-out'],
      ['7.1 Ensure that the minimum number of manager nodes have been created in a swarm', 'skipped'],
    ]);
    expect(cases[2]).toMatchObject({
      message: 'Insecure registries: 10.1.2.3:5000.',
      text: '/etc/docker/daemon.json: "insecure-registries": ["10.1.2.3:5000"]\nRemediation: Fix 2.5.',
    });
    expect(cases[3].message).toBe('waived: CI runner');
  });

  it('stays well-formed and reads back exactly whatever the evidence holds', () => {
    const nasty = `a & b <c> "d" 'e' ]]> line1\nline2\ttab`;
    const hostile = runAudit(sampleFacts(), [
      {
        ...insecureRegistries,
        check: () => [{ status: 'fail', message: nasty, evidence: [{ kind: 'file', detail: `${nasty} \u001B[31m\u0000` }], subject: { container: '<x>&"' } }],
      },
    ]);
    const [c] = parse(formatJunit(hostile)).suites[0].cases;
    expect(c.name).toBe(`2.5 [<x>&"] Ensure insecure registries are not used`);
    expect(c.message).toBe(nasty);
    expect(c.text).toBe(`${nasty} \\u001B[31m\\u0000\nRemediation: Fix 2.5.`);
  });
});

describe('JUnit report of a large host', () => {
  it('formats 30,000 findings in time linear in their number (each section gathered once, not copied per finding)', () => {
    const base = runAudit(sampleFacts(), sampleRules, { now: NOW });
    const findings = Array.from({ length: 30_000 }, (_, i) => base.findings[i % base.findings.length]!);
    const start = performance.now();
    const xml = formatJunit({ ...base, findings });
    expect(performance.now() - start).toBeLessThan(3000);
    expect(xml.split('<testcase ').length - 1).toBe(30_000);
  });
});
