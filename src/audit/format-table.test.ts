import { describe, expect, it } from 'vitest';
import { runAudit } from './run-audit.js';
import { formatTable } from './format-table.js';
import { summaryLine, summarize } from './summary.js';
import { sanitize, truncate } from './ansi.js';
import type { Finding } from './findings.js';
import { sampleFacts, sampleRules, insecureRegistries } from './testing/sample-rules.js';

const NOW = new Date('2025-06-15T00:00:00Z');
const report = runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '5.5', reason: 'CI runner', expires: '2025-12-31' }] });
const ESC = '\u001B';

describe('table report', () => {
  it('groups by section, shows containers and reasons, and ends with the summary line', () => {
    expect(formatTable(report, { color: false, width: 100 })).toBe(
      [
        'CIS Docker Benchmark v1.8.0 audit of node-1 (facts from host, 2025-01-02T03:04:05.000Z)',
        '',
        '1 Host Configuration',
        '  MANUAL  1.1.2   Ensure only trusted users are allowed to control Docker daemon',
        '',
        '2 Docker daemon configuration',
        "  WARN    2.3     Ensure the logging level is set to 'info'",
        '                  log-level is debug.',
        '                  evidence: "log-level": "debug"',
        '  FAIL    2.5     Ensure insecure registries are not used',
        '                  Insecure registries: 10.1.2.3:5000.',
        '                  evidence: /etc/docker/daemon.json: "insecure-registries": ["10.1.2.3:5000"]',
        '',
        '5 Container Runtime Configuration',
        '  WAIVED  5.5     [web] Ensure that privileged containers are not used',
        '                  web runs privileged.',
        '                  evidence: HostConfig.Privileged=true',
        '                  waived: CI runner (until 2025-12-31)',
        '  PASS    5.5     [db] Ensure that privileged containers are not used',
        '',
        '6 Docker Security Operations',
        '  WARN    6.1     Ensure that image sprawl is avoided',
        "                  check failed: Cannot read properties of null (reading 'images')",
        '',
        '7 Docker Swarm Configuration',
        '  N/A     7.1     Ensure that the minimum number of manager nodes have been created in a swarm',
        '',
        '1 pass, 1 fail (1 high), 2 warn, 1 manual, 1 not applicable, 1 waived',
      ].join('\n'),
    );
  });

  it('colours each status only when colour is on', () => {
    const plain = formatTable(report, { color: false });
    expect(plain).not.toContain(ESC);
    const coloured = formatTable(report, { color: true });
    expect(coloured).toContain(`  ${ESC}[32mPASS${ESC}[39m    5.5     [db]`);
    expect(coloured).toContain(`  ${ESC}[31mFAIL${ESC}[39m    2.5`);
    expect(coloured).toContain(`  ${ESC}[33mWARN${ESC}[39m    2.3`);
    expect(coloured).toContain(`  ${ESC}[36mWAIVED${ESC}[39m  5.5`);
    expect(coloured).toContain(`${ESC}[2m  MANUAL  1.1.2   Ensure only trusted users are allowed to control Docker daemon${ESC}[22m`);
    expect(coloured).toContain(`${ESC}[2m  N/A     7.1`);
    expect(coloured).toContain(`${ESC}[1m5 Container Runtime Configuration${ESC}[22m`);
    expect(coloured.replace(/\u001B\[\d+m/g, '')).toBe(plain);
  });

  it('cuts every line to the terminal width (100 by default)', () => {
    const long = runAudit(sampleFacts(), [
      { ...insecureRegistries, title: 'T'.repeat(300), check: () => [{ status: 'fail', message: 'M'.repeat(300), evidence: [] }] },
    ]);
    const widths = (text: string) => text.split('\n').map((l) => Array.from(l).length);
    expect(Math.max(...widths(formatTable(long, { color: false })))).toBe(100);
    expect(Math.max(...widths(formatTable(long, { color: false, width: 60 })))).toBe(60);
    expect(formatTable(long, { color: false, width: 60 })).toContain(`  FAIL    2.5     ${'T'.repeat(41)}…`);
    expect(formatTable(long, { color: false, width: 40 }).split('\n').slice(-2)).toEqual([
      '0 pass, 1 fail (1 high), 0 warn,',
      '0 manual, 0 not applicable, 0 waived',
    ]);
    // Colour codes never count as columns.
    const coloured = formatTable(long, { color: true, width: 60 }).replace(/\u001B\[\d+m/g, '');
    expect(Math.max(...widths(coloured))).toBe(60);
  });

  it('shows an expired waiver and the report notes', () => {
    const expired = runAudit(sampleFacts(), sampleRules, { now: NOW, waivers: [{ id: '2.5', reason: 'lab', expires: '2025-01-01' }] });
    const text = formatTable(expired, { color: false });
    expect(text).toContain('                  waiver no longer applies: lab (expired 2025-01-01)');
    expect(text).toContain('note: The waiver for 2.5 expired on 2025-01-01 and no longer applies (reason was: lab).');
  });

  it('never prints control characters from evidence raw', () => {
    const hostile = runAudit(sampleFacts(), [
      { ...insecureRegistries, check: () => [{ status: 'fail', message: `bad\u001B]0;pwned\u0007\nline`, evidence: [] }] },
    ]);
    const text = formatTable(hostile, { color: false });
    expect(text).not.toContain('\u001B');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('bad\\x1B]0;pwned\\x07 line');
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
