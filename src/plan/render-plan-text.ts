// The plan as text for a terminal or a review: each file with a unified diff, then permission
// fixes, steps, warnings, refusals, manual work and what each change closes.
import { formatPatch } from 'diff';
import { unifiedPatch } from './line-diff.js';
import { octal } from '../artifacts/permissions.js';
import { closedBy } from './closed-ids.js';
import { planHasChanges, type FileChange, type Plan, type PlanNote } from '../plan-model/plan.js';
import { terminalSafe } from '../core/terminal-text.js';
import { recreateLines } from './recreate/recreate-text.js';

export interface PlanTextOptions {
  color: boolean;
}

const ANSI = { red: '\x1b[31m', green: '\x1b[32m', cyan: '\x1b[36m', yellow: '\x1b[33m', bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m' };

export function formatPlanText(unsafePlan: Plan, opts: PlanTextOptions): string {
  // Paths, names and file contents come from the host and its inputs: control characters are shown, not sent.
  const plan = terminalSafe(unsafePlan);
  const paint = (code: keyof typeof ANSI, text: string) => (opts.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const head = (text: string) => paint('bold', text);
  const out: string[] = [head(`Plan for profile ${plan.profile}`) + ` (${origin(plan)})`];

  if (plan.files.length) out.push('', head('Files'));
  for (const f of plan.files) {
    out.push(`  ${f.kind.padEnd(9)} ${f.path}  ${octal(f.mode)} ${f.owner}:${f.group}${f.closes.length ? `  closes ${f.closes.join(', ')}` : ''}`);
    if (f.kind !== 'unchanged') out.push(...diffLines(f).map((l) => '    ' + colorDiff(l, paint)));
  }
  if (plan.permissions.length) out.push('', head('Permissions'));
  for (const p of plan.permissions) {
    const parts: string[] = [];
    if (p.owner !== undefined) parts.push(`owner ${p.fromOwner ?? '?'} -> ${p.owner}`);
    if (p.group !== undefined) parts.push(`group ${p.fromGroup ?? '?'} -> ${p.group}`);
    if (p.mode !== undefined)
      parts.push(
        `mode ${p.fromMode === undefined ? '?' : octal(p.fromMode)} -> ${p.fromMode === undefined ? `at most ${octal(p.mode)}` : octal(p.fromMode & p.mode)}`,
      );
    out.push(`  ${p.path}  ${parts.join(', ')}  closes ${p.closes.join(', ')}`);
  }
  if (plan.steps.length) out.push('', head('Steps (after the files are written)'));
  for (const [i, s] of plan.steps.entries()) out.push(`  ${i + 1}. ${s.description}: ${s.command.join(' ')}`, paint('dim', `     ${s.reason}`));
  if (plan.recreates?.length) out.push('', head('Containers recreated (apply only; health-gated, reverted if the new one fails)'));
  for (const r of plan.recreates ?? []) {
    const { head: title, diff } = recreateLines(r);
    out.push(`  ${title}`, ...diff.map((l) => '    ' + colorDiff(l, paint)));
  }
  section(out, head('Impact warnings'), plan.warnings, (n) => paint('yellow', '! ') + note(n));
  section(out, head('Refused (not written)'), plan.refused, (n) => paint('red', 'x ') + note(n));
  section(out, head('Manual'), plan.manual, (n) => '- ' + note(n));

  const closes = closedBy(plan);
  if (closes.length) out.push('', head('Findings closed'), ...closes.map(([id, what]) => `  ${id}: ${what.join(', ')}`));
  out.push('', planHasChanges(plan) ? summary(plan) : 'Nothing to change: this host already matches the profile.');
  return out.join('\n');
}

/** Where the facts came from and, above all, where the changes will be written. */
function origin(plan: Plan): string {
  const writeRoot = plan.root ?? plan.facts.root;
  const taken = plan.facts.root === writeRoot ? '' : ` under root ${plan.facts.root}`;
  return `facts from ${plan.facts.source} at ${plan.facts.collectedAt}${taken}; writes under root ${writeRoot}`;
}

/** The unified diff of one file change, as lines (the wizard shows the same diff). */
export function diffLines(f: FileChange): string[] {
  const from = f.before === null ? '/dev/null' : `a${f.path}`;
  const to = f.after === null ? '/dev/null' : `b${f.path}`;
  const patch = formatPatch(unifiedPatch(from, to, f.before ?? '', f.after ?? '', 4));
  // Drop the "===" separator the diff package writes; keep ---/+++ and the hunks.
  return patch.split('\n').filter((l) => l !== '' && !/^(=+|Index: .*)$/.test(l));
}

function colorDiff(line: string, paint: (c: keyof typeof ANSI, t: string) => string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return paint('bold', line);
  if (line.startsWith('+')) return paint('green', line);
  if (line.startsWith('-')) return paint('red', line);
  if (line.startsWith('@@')) return paint('cyan', line);
  return line;
}

function section(out: string[], title: string, notes: (PlanNote & { key?: string })[], fmt: (n: PlanNote) => string): void {
  if (notes.length) out.push('', title, ...notes.map((n) => '  ' + fmt(n)));
}

function note(n: PlanNote): string {
  return `${n.ruleId ? `[${n.ruleId}] ` : ''}${n.text}`;
}

function summary(plan: Plan): string {
  const files = plan.files.filter((f) => f.kind !== 'unchanged').length;
  const recreates = plan.recreates?.length ? `, ${plan.recreates.length} container(s) to recreate` : '';
  return `${files} file(s) to write, ${plan.permissions.length} permission fix(es), ${plan.steps.length} step(s)${recreates}.`;
}
