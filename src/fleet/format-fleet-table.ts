// The fleet audit for a person: one row per host (reachable, counts, worst failing severity, or
// the one sentence saying why it was not audited), then the rules that fail on the most hosts.
// Lines are written whole; what a host's sshd or an inventory says is shown without control codes.
import { BENCHMARK_NAME } from '../audit/format-json.js';
import { summaryLine } from '../audit/summary.js';
import { fleetTotals, hostRows, mostFailing, plural } from './fleet-summary.js';
import type { FleetHost } from './fleet-host.js';

/** Rules listed under "failing on the most hosts"; JSON lists every one. */
export const MOST_FAILING_SHOWN = 15;
const NAMES_SHOWN = 6;

export function formatFleetTable(hosts: readonly FleetHost[], inventory: string): string {
  const totals = fleetTotals(hosts);
  const lines = [`Fleet audit of ${plural(hosts.length, 'host')} from ${clean(inventory)} (${BENCHMARK_NAME})`, ''];
  const rows = hostRows(hosts).map((r) =>
    r.counts
      ? [r.host, r.target, 'yes', String(r.counts.pass), String(r.counts.fail), String(r.counts.warn), r.worstFailing ?? '-']
      : [r.host, r.target, 'no', r.failure!.message],
  );
  lines.push(...columns([['HOST', 'TARGET', 'REACHABLE', 'PASS', 'FAIL', 'WARN', 'WORST FAILING'], ...rows], [false, false, false, true, true, true, false]));

  const rules = mostFailing(hosts);
  lines.push('');
  if (rules.length === 0) {
    lines.push(totals.audited ? 'No rule fails on any audited host.' : 'No host could be audited.');
  } else {
    lines.push('Failing on the most hosts');
    const shownRules = rules.slice(0, MOST_FAILING_SHOWN).map((f) => [f.id, `${f.hosts.length}/${totals.audited}`, f.severity, f.title, names(f.hosts)]);
    lines.push(...columns([['RULE', 'HOSTS', 'SEVERITY', 'TITLE', 'ON'], ...shownRules], [false, true, false, false, false]));
    if (rules.length > MOST_FAILING_SHOWN)
      lines.push(`… and ${plural(rules.length - MOST_FAILING_SHOWN, 'more rule')} failing on fewer hosts (--format json lists every one).`);
  }
  lines.push('');
  lines.push(
    `${totals.audited} of ${plural(totals.hosts, 'host')} audited${totals.unreachable ? ` (${totals.unreachable} not)` : ''}: ${summaryLine({ ...totals, total: 0, bySection: {} })}`,
  );
  return lines.join('\n');
}

function names(list: readonly string[]): string {
  return list.length > NAMES_SHOWN ? `${list.slice(0, NAMES_SHOWN).join(', ')} +${list.length - NAMES_SHOWN}` : list.join(', ');
}

/** Pads each column to its widest cell; the last cell of a row is never padded (sentences stay whole). */
function columns(rows: string[][], right: boolean[]): string[] {
  const cells = rows.map((r) => r.map(clean));
  const widths: number[] = [];
  for (const row of cells) {
    for (let i = 0; i < row.length - 1; i++) widths[i] = Math.max(widths[i] ?? 0, row[i].length);
  }
  return cells.map((row) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
