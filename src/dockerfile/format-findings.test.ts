import { describe, expect, it } from 'vitest';
import { formatFindingsJson, formatFindingsTable, summaryLine } from './format-findings.js';
import { planDockerfiles } from './plan-dockerfiles.js';

const file = (path: string, text: string | null) => ({ path, text, mode: 0o644, owner: 'root', group: 'root' });
const result = planDockerfiles(
  [
    {
      dockerfile: {
        ...file('/p/Dockerfile', 'FROM alpine:3.19\nENV API_TOKEN=x\u001b[31m\nEXPOSE 8080\nCMD ["x"]\n'),
        text: 'FROM alpine:3.19\nENV API_TOKEN=x\u001b[31m\nEXPOSE 8080\nCMD ["x"]\n',
      },
      dockerignore: file('/p/.dockerignore', null),
    },
  ],
  { strict: false },
  new Date(0),
);

describe('formatFindingsTable', () => {
  it('groups by file with line, severity, id, fix and advice, then the summary', () => {
    const table = formatFindingsTable(result.reports, result.plan, false);
    expect(table.split('\n').slice(0, 4)).toEqual([
      '/p/Dockerfile',
      '  LINE  SEVERITY  ID          FIX  FINDING',
      '     1  high      4.1         yes  the final stage sets no USER, so the container runs as root',
      '     1  low       4.6         yes  the final stage has no HEALTHCHECK',
    ]);
    expect(table).toContain('     2  high      4.10        -    ENV API_TOKEN stores a secret');
    expect(table).toContain('4.4: Scan every built image');
    expect(table.split('\n').pop()).toBe('6 findings in 1 Dockerfile: 2 high, 1 medium, 3 low; 2 fixable (--diff shows the changes, --fix applies them).');
    expect(table).not.toContain('\u001b');
  });

  it('colours only when asked', () => {
    expect(formatFindingsTable(result.reports, result.plan, true)).toContain('\u001b[31mhigh');
  });

  it('says so when there is nothing', () => {
    expect(summaryLine([{ path: '/p/Dockerfile', findings: [] }])).toBe('No findings in 1 Dockerfile.');
  });
});

describe('formatFindingsJson', () => {
  it('lists findings per file without fix internals, the changes and the notes', () => {
    const json = JSON.parse(formatFindingsJson(result.reports, result.plan, 'DIFF'));
    expect(json.dockerfiles[0].findings[0]).toEqual({
      id: '4.1',
      severity: 'high',
      line: 1,
      message: 'the final stage sets no USER, so the container runs as root',
      fixable: true,
    });
    expect(json.changes).toEqual([{ path: '/p/Dockerfile', kind: 'modify', closes: ['4.1', '4.6'] }]);
    expect(json.diff).toBe('DIFF');
    expect(json.advice.map((a: { ruleId?: string }) => a.ruleId)).toEqual(['4.2', '4.4', undefined]);
  });
});
