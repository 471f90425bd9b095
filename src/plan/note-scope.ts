// Which files a note is about, read from the note's structure: the paths it names, else the files
// that close its rule. The wizard groups warnings per file with it, and `exclude` drops the notes
// of files left out with it, so neither matches words in the text. A note about several workloads
// is about a file when one of them is, and is shown there naming only those.
import type { FileChange, NoteTarget, PlanNote } from '../plan-model/plan.js';
import { narrowNote } from './note-targets.js';

function scopeConcerns(ruleId: string | undefined, paths: string[] | undefined, file: FileChange): boolean {
  if (paths !== undefined) return paths.includes(file.path);
  return ruleId !== undefined && file.closes.includes(ruleId);
}

const targetConcerns = (note: PlanNote, t: NoteTarget, file: FileChange) => scopeConcerns(note.ruleId, t.paths, file);

/** True when the note is about this file. */
export function noteConcerns(note: PlanNote, file: FileChange): boolean {
  if (note.targets) return note.targets.some((t) => targetConcerns(note, t, file));
  return scopeConcerns(note.ruleId, note.paths, file);
}

/** The notes about this file, each naming only the workloads this file is about. */
export function notesAbout(notes: readonly PlanNote[], file: FileChange): PlanNote[] {
  return notes.flatMap((n) => narrowNote(n, (t) => targetConcerns(n, t, file)) ?? []).filter((n) => noteConcerns(n, file));
}

/** The notes about none of these files (a restart, a running container), naming only such workloads. */
export function notesAboutNoFile(notes: readonly PlanNote[], files: readonly FileChange[]): PlanNote[] {
  return notes.flatMap((n) => narrowNote(n, (t) => !files.some((f) => targetConcerns(n, t, f))) ?? []).filter((n) => !files.some((f) => noteConcerns(n, f)));
}

/**
 * The notes that still hold once the `removed` files are not written: a note that names paths
 * goes when every one of them is removed; one that names none goes when its rule was closed only
 * by removed files (`lostIds`), unless `keepUnscoped` (advice stays advice). Notes are grouped by
 * workload after files are left out, so these carry no targets yet.
 */
export function notesWithout(notes: readonly PlanNote[], removed: ReadonlySet<string>, lostIds: ReadonlySet<string>, keepUnscoped = false): PlanNote[] {
  return notes.filter((n) => {
    if (n.paths !== undefined) return n.paths.length === 0 || !n.paths.every((p) => removed.has(p));
    return keepUnscoped || n.ruleId === undefined || !lostIds.has(n.ruleId);
  });
}
