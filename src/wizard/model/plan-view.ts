// Plan facts the wizard shows: which files change, by how many lines, what each closes and
// what it may break. The diff itself comes from the plan renderer, so `plan` and the wizard agree.
import type { FileChange, Plan, PlanNote } from '../../plan-model/plan.js';
import { diffLines } from '../../plan/render-plan-text.js';
import { notesAbout, notesAboutNoFile } from '../../plan/note-scope.js';
import { line, seg, type Line } from './lines.js';

export function changedFiles(plan: Plan): FileChange[] {
  return plan.files.filter((f) => f.kind !== 'unchanged');
}

export interface DiffStat {
  added: number;
  removed: number;
}

export function diffStat(file: FileChange): DiffStat {
  const lines = diffLines(file);
  return {
    added: lines.filter((l) => l.startsWith('+') && !l.startsWith('+++')).length,
    removed: lines.filter((l) => l.startsWith('-') && !l.startsWith('---')).length,
  };
}

/** The unified diff of one file, toned: additions, removals, hunk headers. */
export function diffView(file: FileChange): Line[] {
  return diffLines(file).map((l) => {
    if (l.startsWith('+++') || l.startsWith('---')) return line(seg(l, 'strong'));
    if (l.startsWith('+')) return line(seg(l, 'add'));
    if (l.startsWith('-')) return line(seg(l, 'del'));
    if (l.startsWith('@@')) return line(seg(l, 'hunk'));
    return line(l);
  });
}

export { closedIds } from '../../plan/closed-ids.js';

/** Impact warnings about this file: those that name it, or without names, about a rule it closes. */
export function warningsFor(plan: Plan, file: FileChange): PlanNote[] {
  return notesAbout(plan.warnings, file);
}

/** Impact warnings that belong to no single file (a restart that stops containers). */
export function planWideWarnings(plan: Plan): PlanNote[] {
  return notesAboutNoFile(plan.warnings, changedFiles(plan));
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** "2 files, 1 permission fix, 1 step" */
export function planSize(plan: Plan): string {
  return [
    plural(changedFiles(plan).length, 'file'),
    plural(plan.permissions.length, 'permission fix', 'permission fixes'),
    plural(plan.steps.length, 'step'),
  ].join(', ');
}
