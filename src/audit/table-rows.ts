// What the table shows, before any layout: one row per rule and status, listing the targets
// (containers, services, images) that share that status. A rule that fails on three containers
// and passes on four is one FAIL row naming the three and one PASS row naming the four, so
// failures can come first and `--only fail` can hide the rest without hiding which targets fail.
import type { Severity } from '../rules/rule.js';
import { subjectLabel, type Finding, type FindingStatus } from './findings.js';

/** The order rows appear in: what needs action first, what passed last. */
export const STATUS_ORDER: readonly FindingStatus[] = ['fail', 'warn', 'waived', 'manual', 'not-applicable', 'pass'];

export interface TableRow {
  id: string;
  title: string;
  status: FindingStatus;
  severity: Severity;
  /** The findings of this rule with this status, in the order the rule reported them. */
  findings: Finding[];
  /** Their distinct target names ("web", "shop/db"); empty for host-wide findings. */
  targets: string[];
  /** What the targets are, to label the list: "containers", "services", "images" or "targets". */
  targetKind: string;
}

export function tableRows(findings: readonly Finding[], only?: readonly FindingStatus[]): TableRow[] {
  const rows = new Map<string, TableRow>();
  for (const f of findings) {
    if (only && !only.includes(f.status)) continue;
    // One row per rule, status and severity: a result may carry its own severity (4.4 per image).
    const key = `${f.id}\u0000${f.status}\u0000${f.severity}`;
    const row = rows.get(key) ?? { id: f.id, title: f.title, status: f.status, severity: f.severity, findings: [], targets: [], targetKind: '' };
    row.findings.push(f);
    rows.set(key, row);
  }
  for (const row of rows.values()) {
    row.targets = [...new Set(row.findings.map(subjectLabel).filter(Boolean))];
    row.targetKind = targetKind(row.findings);
  }
  return [...rows.values()].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || compareIds(a.id, b.id));
}

/** Benchmark order: "1.1.9" before "1.1.10", "5" before "5.1". */
export function compareIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function targetKind(findings: readonly Finding[]): string {
  const kinds = new Set(
    findings
      .filter((f) => subjectLabel(f))
      .map((f) => (f.subject?.container ? 'containers' : f.subject?.service ? 'services' : f.subject?.image ? 'images' : 'targets')),
  );
  return kinds.size === 1 ? [...kinds][0]! : 'targets';
}
