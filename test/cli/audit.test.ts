// `docker-harden audit` through main(): argv in, exit code and output out, facts from --from or --root.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { HostFacts } from '../../src/facts/host-facts.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dh-audit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function factsFile(name: string, daemonJson: Record<string, unknown>): string {
  const facts: HostFacts = emptyFacts({
    collectedAt: '2025-01-02T03:04:05.000Z',
    probes: { daemonJson: { status: 'ok' } },
    daemonJson: { path: '/etc/docker/daemon.json', raw: JSON.stringify(daemonJson), parsed: daemonJson },
  });
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(facts));
  return file;
}
const insecure = factsFile('insecure.json', { 'insecure-registries': ['10.1.2.3:5000'], 'log-level': 'debug' });
const clean = factsFile('clean.json', { 'log-level': 'info' });

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('docker-harden audit: usage and input errors exit 2', () => {
  it.each([
    [
      ['audit', '--from', 'FACTS', '--format', 'xml'],
      'docker-harden: Unknown report format "xml".\nUse --format with one of: table, json, sarif, junit, html.',
    ],
    [
      ['audit', '--from', 'FACTS', '--fail-on', 'urgent'],
      'docker-harden: --fail-on does not take "urgent".\nUse one of: info, low, medium, high, critical, or none.',
    ],
    [['audit', '--from', 'FACTS', '--level', '3'], 'docker-harden: Unknown CIS level "3".'],
    [['audit', '--from', 'FACTS', '--include', 'docker'], 'docker-harden: "docker" is not a benchmark id or section.'],
    [['audit', '--from', 'FACTS', '--exclude', '9.1'], 'docker-harden: No rule has the id or prefix "9.1".'],
    [['--from', path.join(dir, 'absent.json'), 'audit'], 'docker-harden: The facts file'],
    [['audit', '--from', 'FACTS', '--bogus'], 'docker-harden: audit has no option --bogus.\nSee docker-harden help audit.'],
  ])('%j', async (argv, message) => {
    const result = await run(...argv.map((a) => (a === 'FACTS' ? insecure : a)));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});

describe('docker-harden audit: exit code from --fail-on', () => {
  it.each([
    // 2.5 (insecure registries) is a high-severity failure in the insecure facts.
    [insecure, [], 1],
    [insecure, ['--fail-on', 'high'], 1],
    [insecure, ['--fail-on', 'critical'], 0],
    [clean, ['--fail-on', 'low'], 0],
  ] as const)('%s %j exits %i', async (facts, flags, code) => {
    const result = await run('--from', facts, 'audit', '--include', '2.5', ...flags);
    expect(result.code).toBe(code);
    expect(result.stderr).toBe(code === 1 ? '1 failing finding at or above severity high.' : '');
  });
});

describe('docker-harden audit: reports', () => {
  it('prints a plain table by default, naming the evidence', async () => {
    const { stdout, code } = await run('--no-color', '--from', insecure, 'audit', '--include', '2.3,2.5');
    expect(code).toBe(1);
    expect(stdout).not.toContain('\u001B');
    expect(stdout).toMatch(/^STATUS {2}SEVERITY {2}ID {6}RULE$/m);
    expect(stdout).toMatch(/^FAIL {4}high {6}2\.5 {5}Ensure insecure registries are not used$/m);
    expect(stdout).toContain('evidence: /etc/docker/daemon.json: "insecure-registries": ["10.1.2.3:5000"]');
    expect(stdout.split('\n').at(-1)).toMatch(/^0 pass, 2 fail \(.*\), 0 warn, 0 manual, 0 not applicable, 0 waived$/);
  });

  it('prints JSON with --format json', async () => {
    const { stdout, code } = await run('--from', insecure, 'audit', '--format', 'json', '--include', '2');
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      tool: 'docker-harden',
      benchmark: 'CIS Docker Benchmark v1.8.0',
      facts: { source: 'file', collectedAt: '2025-01-02T03:04:05.000Z' },
    });
    expect(json.results.every((r: { section: number }) => r.section === 2)).toBe(true);
    expect(json.results.find((r: { id: string }) => r.id === '2.5')).toMatchObject({ status: 'fail', severity: 'high', aliases: { '1.7.0': '2.5' } });
    expect(json.summary.total).toBe(json.results.length);
  });

  it('writes SARIF and JUnit to --output', async () => {
    const sarifFile = path.join(dir, 'out.sarif');
    const sarif = await run('--from', insecure, 'audit', '--include', '2.5', '--format', 'sarif', '--output', sarifFile);
    expect(sarif).toMatchObject({ code: 1, stdout: '' });
    const doc = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(doc.runs[0].results[0]).toMatchObject({
      ruleId: '2.5',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///etc/docker/daemon.json' } } }],
    });

    const junitFile = path.join(dir, 'out.xml');
    const junit = await run('--from', clean, 'audit', '--include', '2.5', '--format', 'junit', '--output', junitFile);
    expect(junit).toMatchObject({ code: 0, stdout: '', stderr: `Wrote the junit report to ${junitFile}.` });
    expect(readFileSync(junitFile, 'utf8')).toContain('<testcase classname="cis-docker.section2" name="2.5 Ensure insecure registries are not used"/>');
  });

  it('inspects the host files under --root', async () => {
    const root = path.join(dir, 'root');
    mkdirSync(path.join(root, 'etc/docker'), { recursive: true });
    writeFileSync(path.join(root, 'etc/docker/daemon.json'), JSON.stringify({ 'insecure-registries': ['10.9.8.7:5000'] }));
    const { stdout, code } = await run(
      '--root',
      root,
      '--docker-host',
      `unix://${path.join(dir, 'no-engine.sock')}`,
      '--no-engine',
      'audit',
      '--format',
      'json',
      '--include',
      '2.5',
    );
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout).results;
    expect(result.status).toBe('fail');
    expect(JSON.stringify(result.evidence)).toContain('10.9.8.7:5000');
  });
});

describe('audit --profile', () => {
  it('shows a waived failure as waived with its reason and does not count it for the exit code', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { main } = await import('../../src/cli/main.js');
    const dir = mkdtempSync('/tmp/dh-audit-profile-');
    const facts = path.join(dir, 'facts.json');
    const { emptyFacts } = await import('../../src/facts/empty-facts.js');
    writeFileSync(
      facts,
      JSON.stringify(
        emptyFacts({
          daemonJson: {
            path: '/etc/docker/daemon.json',
            raw: '{"insecure-registries": ["10.0.0.1:5000"]}',
            parsed: { 'insecure-registries': ['10.0.0.1:5000'] },
          },
        }),
      ),
    );
    const profile = path.join(dir, 'site.yaml');
    writeFileSync(profile, 'name: site\nextends: strict\nwaivers:\n  - id: "2.5"\n    reason: "lab registry"\n');
    const lines: string[] = [];
    const out = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    await main(['audit', '--from', facts, '--profile', profile, '--format', 'json', '--include', '2.5'], out);
    const report = JSON.parse(lines[0]);
    expect(report.results[0]).toMatchObject({ id: '2.5', status: 'waived', waiver: { reason: 'lab registry' } });
  });
});
