// Golden files for the audit table of a host with seven containers and every kind of status: on a
// terminal of 80 and of 120 columns, piped (no width: every line whole), and cut down with --only
// and opened up with --verbose. Review a change to them like a change to the product's output (vitest -u).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { readFactsFile } from '../../src/facts/facts-file.js';
import { allRules } from '../../src/rules/catalog.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { formatTable, type TableOptions } from '../../src/audit/format-table.js';

const SEVEN_CONTAINERS = path.join(import.meta.dirname, 'fixtures/seven-containers.json');
const SNAPSHOTS = path.join(import.meta.dirname, '__snapshots__');

async function sevenContainers() {
  const facts = await readFactsFile(SEVEN_CONTAINERS);
  // The proxy reads container labels through the socket: a waiver a site could well keep.
  const waivers = [{ id: '5.32', reason: 'traefik reads labels through a read-only socket', expires: '2027-06-30' }];
  return runAudit(facts, allRules, { now: new Date('2026-12-05T00:00:00Z'), waivers });
}

const cases: [string, TableOptions][] = [
  ['table-80.txt', { color: false, width: 80 }],
  ['table-120.txt', { color: false, width: 120 }],
  ['table-piped.txt', { color: false }],
  ['table-80-only-fail-verbose.txt', { color: false, width: 80, only: ['fail'], verbose: true }],
];

describe('the audit table of a host with seven containers', () => {
  it.each(cases)('%s', async (file, opts) => {
    const text = formatTable(await sevenContainers(), opts);
    await expect(`${text}\n`).toMatchFileSnapshot(path.join(SNAPSHOTS, file));
    const lines = text.split('\n');
    if (opts.width) {
      expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(opts.width);
    } else {
      expect(text).not.toContain('…');
      expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeGreaterThan(120);
    }
  });

  it('names the failing containers of 5.4 in one row, and shows each one only under --verbose', async () => {
    const report = await sevenContainers();
    const plain = formatTable(report, { color: false, width: 80 });
    expect(plain).toContain(
      'FAIL    high      5.4     Ensure that Linux kernel ca…stricted within containers\n                  containers: web, worker, cache, debug-shell\n',
    );
    expect(plain).not.toContain('web: Container web adds ALL');
    const verbose = formatTable(report, { color: false, width: 80, verbose: true });
    for (const name of ['web', 'worker', 'cache']) expect(verbose).toContain(`                  ${name}: Container ${name} adds ALL`);
  });

  it('keeps the summary of every finding when --only leaves some out', async () => {
    const report = await sevenContainers();
    const summary = (t: string) => t.split('\n\n').at(-1);
    expect(summary(formatTable(report, { color: false, only: ['fail'] }))).toBe(summary(formatTable(report, { color: false })));
    expect(formatTable(report, { color: false, only: ['fail'] })).not.toMatch(/^(PASS|WARN|MANUAL|N\/A|WAIVED) /m);
  });
});
