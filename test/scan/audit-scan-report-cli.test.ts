// `audit --scan-report` through the CLI entry point, from saved facts: the JSON report carries the
// per-image 4.4 results and the notes; a bad report is exit 2, one sentence, and nothing written.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../e2e/support/cli.js';
import { writeFactsFile } from '../../src/facts/facts-file.js';
import { KINDS, SCAN_FIXTURES, hostFacts } from './scan-fixtures.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'dh-scan-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const factsFile = path.join(work, 'facts.json');
const fixture = (rel: string) => path.join(SCAN_FIXTURES, rel);
const audit = async (...args: string[]) => {
  if (!existsSync(factsFile)) await writeFactsFile(factsFile, hostFacts());
  return cli('--from', factsFile, '--no-color', 'audit', '--include', '4.4', '--fail-on', 'none', ...args);
};

describe('audit --scan-report', () => {
  it('judges each image in use from the reports and notes what matched nothing', async () => {
    const run = await audit(
      '--format',
      'json',
      ...[KINDS.trivy.vulnerable, KINDS.grype.clean, KINDS.sarif.notInUse].flatMap((f) => ['--scan-report', fixture(f)]),
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const status = Object.fromEntries(report.results.map((f: { subject: { image: string }; status: string }) => [f.subject.image, f.status]));
    expect(status).toEqual({
      'shop/web:1.4': 'fail',
      'shop/worker:2.0': 'pass',
      'registry.example.com/shop/api:3.1': 'warn',
      'shop/cron:1.0': 'warn',
      'redis:7': 'warn',
    });
    expect(report.notes).toEqual([
      `The scan report ${fixture(KINDS.sarif.notInUse)} (image shop/old:0.9) matches no image a container uses.`,
      'No scan report names the image registry.example.com/shop/api:3.1, which containers use.',
      'No scan report names the image shop/cron:1.0, which containers use.',
      'No scan report names the image redis:7, which containers use.',
    ]);
  });

  it('fails on the threshold: exit 1 with --fail-on medium when an image fails 4.4', async () => {
    const run = await cli(
      '--from',
      factsFile,
      '--no-color',
      'audit',
      '--include',
      '4.4',
      '--fail-on',
      'medium',
      '--scan-report',
      fixture(KINDS.trivy.vulnerable),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/4\.4/);
  });

  it('a critical vulnerability makes a critical finding, which fails the default --fail-on high', async () => {
    const run = await cli('--from', factsFile, '--no-color', 'audit', '--include', '4.4', '--format', 'json', '--scan-report', fixture(KINDS.trivy.vulnerable));
    expect(run.code).toBe(1);
    const failed = JSON.parse(run.stdout).results.filter((f: { status: string }) => f.status === 'fail');
    expect(failed.map((f: { severity: string; subject?: { image?: string } }) => `${f.subject?.image} ${f.severity}`)).toEqual(['shop/web:1.4 critical']);
    const table = await cli(
      '--from',
      factsFile,
      '--no-color',
      'audit',
      '--include',
      '4.4',
      '--fail-on',
      'none',
      '--scan-report',
      fixture(KINDS.trivy.vulnerable),
    );
    expect(table.stdout).toMatch(/FAIL\s+critical\s+4\.4\b/);
  });

  it('without --scan-report, 4.4 stays manual', async () => {
    const report = JSON.parse((await audit('--format', 'json')).stdout);
    expect(report.results.map((f: { status: string }) => f.status)).toEqual(['manual']);
    expect(report.notes).toBeUndefined();
  });

  it('a report that is not a scan report: exit 2, one sentence, and no --output file', async () => {
    const bad = path.join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ SchemaVersion: 2, ArtifactName: 'x', Results: 'all fine' }));
    const out = path.join(work, 'report.json');
    const run = await audit('--format', 'json', '--output', out, '--scan-report', bad);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(`docker-harden: The scan report ${bad} is not a valid Trivy JSON report: /Results must be array,null.`);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('a report that does not exist: exit 2 naming it', async () => {
    const run = await audit('--scan-report', path.join(work, 'missing.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/The scan report \S+missing\.json does not exist\./);
  });
});

describe('scan data in a facts file', () => {
  it('is ignored: only reports given to this run decide 4.4', async () => {
    const forged = path.join(work, 'forged.json');
    await writeFactsFile(forged, { ...hostFacts(), scans: { threshold: 'high', maxAgeDays: 7, checkedAt: 'x', reports: [], matches: [] } });
    const run = await cli('--from', forged, 'audit', '--include', '4.4', '--format', 'json', '--fail-on', 'none');
    expect(JSON.parse(run.stdout).results.map((r: { status: string }) => r.status)).toEqual(['manual']);
  });
});
