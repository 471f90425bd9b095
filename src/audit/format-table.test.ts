import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { runAudit } from './run-audit.js';
import { formatTable } from './format-table.js';
import { summaryLine, summarize } from './summary.js';
import { sanitize, truncate } from './ansi.js';
import type { Finding } from './findings.js';
import { sampleFacts, sampleRules, insecureRegistries, privileged } from './testing/sample-rules.js';

const NOW = new Date('2025-06-15T00:00:00Z');
const ESC = '\u001B';

/** The sample host with a third container, privileged like web, so 5.5 fails on two targets. */
function threeContainers() {
  const facts = sampleFacts();
  facts.engine!.containers.push({ Name: '/worker', HostConfig: { Privileged: true } });
  return facts;
}
const report = runAudit(threeContainers(), sampleRules, { now: NOW });
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l.replace(/\u001B\[\d+m/g, ''))));

describe('table report', () => {
  it('has a severity column, puts failures first and names the targets of each row', () => {
    expect(formatTable(report, { color: false })).toBe(
      [
        'CIS Docker Benchmark v1.8.0 audit of node-1 (facts from host, 2025-01-02T03:04:05.000Z)',
        '',
        'STATUS  SEVERITY  ID      RULE',
        'FAIL    high      2.5     Ensure insecure registries are not used',
        '                  Insecure registries: 10.1.2.3:5000.',
        '                  evidence: /etc/docker/daemon.json: "insecure-registries": ["10.1.2.3:5000"]',
        'FAIL    critical  5.5     Ensure that privileged containers are not used',
        '                  containers: web, worker',
        '',
        "WARN    low       2.3     Ensure the logging level is set to 'info'",
        '                  log-level is debug.',
        '                  evidence: "log-level": "debug"',
        'WARN    low       6.1     Ensure that image sprawl is avoided',
        "                  check failed: Cannot read properties of null (reading 'images')",
        '',
        'MANUAL  high      1.1.2   Ensure only trusted users are allowed to control Docker daemon',
        '',
        'N/A     medium    7.1     Ensure that the minimum number of manager nodes have been created in a swarm',
        '',
        'PASS    critical  5.5     Ensure that privileged containers are not used',
        '                  containers: db',
        '',
        'Rows naming several targets: --verbose shows the reason and evidence for each.',
        '',
        '1 pass, 3 fail (2 critical, 1 high), 2 warn, 1 manual, 1 not applicable, 0 waived',
      ].join('\n'),
    );
  });

  it('shows each target with its reason and evidence under --verbose', () => {
    const text = formatTable(report, { color: false, verbose: true });
    expect(text).toContain(
      [
        'FAIL    critical  5.5     Ensure that privileged containers are not used',
        '                  containers: web, worker',
        '                  web: web runs privileged.',
        '                    evidence: HostConfig.Privileged=true',
        '                  worker: worker runs privileged.',
        '                    evidence: HostConfig.Privileged=true',
        '',
      ].join('\n'),
    );
    expect(text).not.toContain('--verbose shows');
  });

  it('shows only the statuses asked for, and the summary still counts everything', () => {
    const text = formatTable(report, { color: false, only: ['fail'] });
    const heads = text.split('\n').filter((l) => /^[A-Z/]+ +(critical|high|medium|low) /.test(l));
    expect(heads).toEqual([
      'FAIL    high      2.5     Ensure insecure registries are not used',
      'FAIL    critical  5.5     Ensure that privileged containers are not used',
    ]);
    expect(text).toContain('Showing fail rows only (2 of 7); the summary counts every finding.');
    expect(text.split('\n').at(-1)).toBe(summaryLine(report.summary));
    expect(formatTable(report, { color: false, only: ['waived'] })).toContain('\nNo waived rows.\n');
    const two = formatTable(report, { color: false, only: ['pass', 'warn'] });
    expect(two.indexOf('WARN    low       2.3')).toBeLessThan(two.indexOf('PASS    critical  5.5'));
  });

  it('keeps a waived row, its targets and the waiver', () => {
    const waived = runAudit(threeContainers(), sampleRules, { now: NOW, waivers: [{ id: '5.5', reason: 'CI runner', expires: '2025-12-31' }] });
    expect(formatTable(waived, { color: false })).toContain(
      [
        'WAIVED  critical  5.5     Ensure that privileged containers are not used',
        '                  containers: web, worker',
        '                  waived: CI runner (until 2025-12-31)',
      ].join('\n'),
    );
  });

  it('shows an expired waiver and the report notes', () => {
    const expired = runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '2.5', reason: 'lab', expires: '2025-01-01' }] });
    const text = formatTable(expired, { color: false });
    expect(text).toContain('                  waiver no longer applies: lab (expired 2025-01-01)');
    expect(text).toContain('note: The waiver for 2.5 expired on 2025-01-01 and no longer applies (reason was: lab).');
  });

  it('colours each status only when colour is on', () => {
    const plain = formatTable(report, { color: false });
    expect(plain).not.toContain(ESC);
    const coloured = formatTable(report, { color: true });
    expect(coloured).toContain(`${ESC}[32mPASS${ESC}[39m    critical  5.5`);
    expect(coloured).toContain(`${ESC}[31mFAIL${ESC}[39m    high      2.5`);
    expect(coloured).toContain(`${ESC}[33mWARN${ESC}[39m    low       2.3`);
    expect(coloured).toContain(`${ESC}[2mMANUAL  high      1.1.2   Ensure only trusted users are allowed to control Docker daemon${ESC}[22m`);
    expect(coloured).toContain(`${ESC}[2mN/A     medium    7.1`);
    expect(coloured).toContain(`${ESC}[1mSTATUS  SEVERITY  ID      RULE${ESC}[22m`);
    expect(coloured.replace(/\u001B\[\d+m/g, '')).toBe(plain);
  });
});

describe('table width', () => {
  const long = runAudit(threeContainers(), [
    { ...insecureRegistries, title: `Ensure ${'T'.repeat(200)} end`, check: () => [{ status: 'fail', message: `M${' word'.repeat(60)}`, evidence: [] }] },
    privileged,
  ]);

  it('writes every line whole without a terminal width, however long', () => {
    const text = formatTable(long, { color: false });
    expect(text).toContain(`FAIL    high      2.5     Ensure ${'T'.repeat(200)} end`);
    expect(text).toContain(`                  M${' word'.repeat(60)}`);
    expect(text).not.toContain('…');
  });

  it.each([40, 60, 80, 120])('fits every line into %i terminal columns, colour codes not counted', (width) => {
    expect(widest(formatTable(long, { color: false, width }))).toBeLessThanOrEqual(width);
    expect(widest(formatTable(long, { color: true, width, verbose: true }))).toBeLessThanOrEqual(width);
  });

  it('elides a long title in the middle and wraps the reason, so nothing of it is lost', () => {
    const text = formatTable(long, { color: false, width: 60 });
    expect(text).toContain(`FAIL    high      2.5     Ensure ${'T'.repeat(10)}…${'T'.repeat(12)} end`);
    const reason = text.split('\n').filter((l) => /^ {18}(M| {2})/.test(l) && l.includes('word'));
    expect(reason.join(' ').replace(/\s+/g, ' ').trim()).toBe(`M${' word'.repeat(60)}`);
  });

  it('wraps the summary between its parts', () => {
    expect(formatTable(long, { color: false, width: 40 }).split('\n').slice(-3)).toEqual([
      '1 pass, 3 fail (2 critical, 1 high),',
      '0 warn, 0 manual, 0 not applicable,',
      '0 waived',
    ]);
  });
});

describe('summary line', () => {
  it('lists failures by severity, highest first, only where there are some', () => {
    const f = (status: Finding['status'], severity: Finding['severity']) => ({ ...report.findings[0]!, status, severity });
    const summary = summarize([
      f('fail', 'high'),
      f('fail', 'critical'),
      f('fail', 'high'),
      f('pass', 'low'),
      f('manual', 'low'),
      f('not-applicable', 'low'),
      f('waived', 'high'),
      f('warn', 'low'),
    ]);
    expect(summaryLine(summary)).toBe('1 pass, 3 fail (1 critical, 2 high), 1 warn, 1 manual, 1 not applicable, 1 waived');
    expect(summaryLine(summarize([]))).toBe('0 pass, 0 fail, 0 warn, 0 manual, 0 not applicable, 0 waived');
  });
});

describe('truncate and sanitize', () => {
  it('cuts by characters, not UTF-16 units', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abcdefg', 6)).toBe('abcde…');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
  });
  it('spells out control characters', () => {
    expect(sanitize('a\tb\r\nc\u009Bd\u007F')).toBe('a b c\\x9Bd\\x7F');
  });
});
