// Files a person leaves out (switched off in the wizard's Review): they are not written, what only
// they closed is no longer claimed, and the notes about them go. buildPlan does this before it
// derives the steps, so a step only those files needed (a restart for a daemon.json no longer
// written) is never planned.
import type { Plan } from '../plan-model/plan.js';
import { closedIds } from './closed-ids.js';
import { notesWithout } from './note-scope.js';

export function leaveOut(plan: Plan, exclude: Iterable<string> = []): Pick<Plan, 'files' | 'warnings' | 'manual'> {
  const off = new Set(exclude);
  const removed = plan.files.filter((f) => off.has(f.path) && f.kind !== 'unchanged');
  if (removed.length === 0) return plan;
  const paths = new Set(removed.map((f) => f.path));
  const files = plan.files.filter((f) => !paths.has(f.path));
  const stillClosed = new Set(closedIds({ ...plan, files }));
  const lost = new Set(removed.flatMap((f) => f.closes).filter((id) => !stillClosed.has(id)));
  // Advice without paths stays: what a person should do by hand does not depend on the files written.
  return { files, warnings: notesWithout(plan.warnings, paths, lost), manual: notesWithout(plan.manual, paths, lost, true) };
}
