// Container names are whatever `docker run --name` or a Compose file said, and evidence quotes
// them: HTML, escape sequences, newlines, bidirectional overrides and wide characters must come
// out as text, one row per rule, inside the terminal width.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { readFactsFile } from '../../src/facts/facts-file.js';
import { allRules } from '../../src/rules/catalog.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { formatTable } from '../../src/audit/format-table.js';

const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  'evil\u001B[2J\u001B]0;pwned\u0007',
  'two\nFAIL    critical  9.9     forged row',
  '\u202Ebew',
  'ウェブサーバー',
  'x'.repeat(150),
  'cr\rlf',
];

async function hostileReport() {
  const facts = await readFactsFile(path.join(import.meta.dirname, 'fixtures/seven-containers.json'));
  facts.engine!.containers.forEach((c, i) => {
    c.Name = `/${HOSTILE_NAMES[i]}`;
  });
  facts.hostname = 'host\u001B[31m\nname';
  return runAudit(facts, allRules, { now: new Date('2026-12-05T00:00:00Z') });
}

describe('hostile container names in the table', () => {
  it.each([[80], [120], [undefined]])('width %s: no raw control character, no forged row, every line within the width', async (width) => {
    const report = await hostileReport();
    for (const verbose of [false, true]) {
      const text = formatTable(report, { color: false, width, verbose });
      // Only line feeds separate lines; nothing else below 0x20, no C1 controls, no bidi overrides.
      expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
      expect(text).not.toMatch(/^FAIL {4}critical {2}9\.9/m);
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('evil\\x1B[2J\\x1B]0;pwned\\x07');
      expect(text).toContain('\\u202Ebew');
      expect(text.split('\n')[0]).toMatch(/^CIS Docker Benchmark v1\.8\.0 audit of host\\x1B\[31m name/);
      // Every line is a heading, a row, or indented under one.
      const stray = text.split('\n').filter((l) => !/^$|^ |^(FAIL|WARN|WAIVED|MANUAL|N\/A|PASS|STATUS|CIS|Rows|\d+ pass|.*fail \(|.*waived$)/.test(l));
      expect(stray).toEqual([]);
      if (width) expect(Math.max(...text.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(width);
    }
  });

  it('keeps a long or wide container name whole in the target list', async () => {
    const text = formatTable(await hostileReport(), { color: false, width: 80 });
    expect(text).toContain('ウェブサーバー');
    // The 150-character name is broken across lines but none of it is dropped.
    const listed = text
      .split('\n')
      .filter((l) => /^ {18}containers: |^ {30}\S/.test(l))
      .join('')
      .replace(/\s+/g, '');
    expect(listed).toContain('x'.repeat(150));
  });
});
