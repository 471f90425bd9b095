// Which files a note is about, read from the note's structure: the paths it names, else the files
// that close its rule. The wizard groups warnings per file with it, and `exclude` drops the notes
// of files left out with it, so neither matches words in the text.
import type { FileChange, PlanNote } from '../plan-model/plan.js';

/** True when the note is about this file. */
export function noteConcerns(note: PlanNote, file: FileChange): boolean {
  if (note.paths !== undefined) return note.paths.includes(file.path);
  return note.ruleId !== undefined && file.closes.includes(note.ruleId);
}

/**
 * The notes that still hold once the `removed` files are not written: a note that names paths
 * goes when every one of them is removed; one that names none goes when its rule was closed only
 * by removed files (`lostIds`), unless `keepUnscoped` (advice stays advice).
 */
export function notesWithout(notes: readonly PlanNote[], removed: ReadonlySet<string>, lostIds: ReadonlySet<string>, keepUnscoped = false): PlanNote[] {
  return notes.filter((n) => {
    if (n.paths !== undefined) return n.paths.length === 0 || !n.paths.every((p) => removed.has(p));
    return keepUnscoped || n.ruleId === undefined || !lostIds.has(n.ruleId);
  });
}
