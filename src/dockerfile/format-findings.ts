// The two views of Dockerfile findings: a table grouped by file (with the advice under each
// finding) and JSON. Colour only when asked for; control characters from the files are escaped.
import type { Plan } from '../plan-model/plan.js';
import type { DockerfileReport } from './plan-dockerfiles.js';
import { publicFinding } from './run-checks.js';
import { SEVERITY_ORDER, type FindingSeverity } from './types.js';
import { paint, sanitize, type Style } from '../audit/ansi.js';
import { GENERAL_ADVICE } from './general-advice.js';

const STYLE: Record<FindingSeverity, Style> = { critical: 'red', high: 'red', medium: 'yellow', low: 'cyan', info: 'dim' };

export function formatFindingsTable(reports: DockerfileReport[], plan: Plan, color: boolean): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(paint(sanitize(r.path), 'bold', color));
    if (r.findings.length === 0) lines.push('  no findings');
    else lines.push(paint('  LINE  SEVERITY  ID          FIX  FINDING', 'dim', color));
    for (const f of r.findings) {
      const severity = paint(f.severity.padEnd(8), STYLE[f.severity], color);
      lines.push(`  ${String(f.line).padStart(4)}  ${severity}  ${f.id.padEnd(10)}  ${f.fixable ? 'yes' : '-  '}  ${sanitize(f.message)}`);
      if (f.advice) lines.push(paint(`${' '.repeat(34)}→ ${sanitize(f.advice)}`, 'dim', color));
    }
    lines.push('');
  }
  const general = plan.manual.filter((m) => GENERAL_ADVICE.includes(m));
  if (general.length > 0) {
    lines.push('Also, beyond what a Dockerfile shows:');
    for (const m of general) lines.push(`  ${m.ruleId ? `${m.ruleId}: ` : ''}${m.text}`);
    lines.push('');
  }
  lines.push(summaryLine(reports));
  return lines.join('\n');
}

export function summaryLine(reports: DockerfileReport[]): string {
  const all = reports.flatMap((r) => r.findings);
  const counts = [...SEVERITY_ORDER]
    .reverse()
    .map((s) => [s, all.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  const fixable = all.filter((f) => f.fixable).length;
  const files = `${reports.length} Dockerfile${reports.length === 1 ? '' : 's'}`;
  if (all.length === 0) return `No findings in ${files}.`;
  const tail = fixable > 0 ? `; ${fixable} fixable (--diff shows the changes, --fix applies them)` : '';
  return `${all.length} finding${all.length === 1 ? '' : 's'} in ${files}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}${tail}.`;
}

export function formatFindingsJson(reports: DockerfileReport[], plan: Plan, diff?: string): string {
  return JSON.stringify(
    {
      dockerfiles: reports.map((r) => ({
        path: r.path,
        findings: r.findings.map((f) => ({ ...publicFinding(f), ...(f.advice ? { advice: f.advice } : {}) })),
      })),
      changes: plan.files.filter((f) => f.kind !== 'unchanged').map((f) => ({ path: f.path, kind: f.kind, closes: f.closes })),
      warnings: plan.warnings,
      advice: plan.manual.filter((m) => GENERAL_ADVICE.includes(m)),
      ...(diff !== undefined ? { diff } : {}),
    },
    null,
    2,
  );
}

/** A unified diff with + and - lines coloured. */
export function colorDiff(diff: string, color: boolean): string {
  if (!color) return diff;
  return diff
    .split('\n')
    .map((l) => (l.startsWith('+') && !l.startsWith('+++') ? paint(l, 'green', true) : l.startsWith('-') && !l.startsWith('---') ? paint(l, 'red', true) : l))
    .join('\n');
}
