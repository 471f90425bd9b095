// Impact warnings name the container or service they are about ("Container web is OOM-killed
// ..."). The same words for several of them become one note per rule that names them all, and a
// note about several can be narrowed again to those one file is about. The wording is found from
// the note itself: the subject phrase is swapped for a slot, so no rule has to phrase it twice.
import type { HostFacts } from '../facts/host-facts.js';
import type { NoteTarget, PlanNote } from '../plan-model/plan.js';

const NOUNS: readonly { one: string; many: string }[] = [
  { one: 'Compose service', many: 'Compose services' },
  { one: 'Container', many: 'containers' },
  { one: 'container', many: 'containers' },
  { one: 'Service', many: 'services' },
  { one: 'service', many: 'services' },
];

interface Wording {
  before: string;
  noun: (typeof NOUNS)[number];
  after: string;
}

/** "a", "a and b", "a, b and c" */
function list(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Container web", or "Each of containers web and db" (the verb that follows stays singular). */
function subject(noun: Wording['noun'], names: readonly string[]): string {
  if (names.length === 1) return `${noun.one} ${names[0]}`;
  const each = /^[A-Z]/.test(noun.one) ? 'Each of' : 'each of';
  return `${each} ${noun.many} ${list(names)}`;
}

/**
 * The note's words around its subject. A name that occurs again in those words (a network named
 * after the container) ties them to that one target, so such a note is not shared.
 */
function wordingOf(text: string, names: readonly string[]): Wording | null {
  for (const noun of NOUNS) {
    const phrase = subject(noun, names);
    const at = text.indexOf(phrase);
    if (at === -1) continue;
    const before = text.slice(0, at);
    const after = text.slice(at + phrase.length);
    // The name must end where the phrase ends: "Container web" is not the start of "Container web-2".
    if (after !== '' && !/^[\s:;,()]/.test(after) && !/^\.(\s|$)/.test(after)) continue;
    if (names.some((n) => before.includes(n) || after.includes(n))) return null;
    return { before, noun, after };
  }
  return null;
}

const render = (w: Wording, names: readonly string[]): string => `${w.before}${subject(w.noun, names)}${w.after}`;

/** The one workload a note names, out of the known container and service names. */
function soleTarget(note: PlanNote, known: readonly string[]): string | null {
  // Longest first: "web-2" before "web".
  for (const name of [...known].sort((a, b) => b.length - a.length)) if (note.text.includes(name) && wordingOf(note.text, [name])) return name;
  return null;
}

const targetNames = (note: PlanNote): string[] => (note.targets ?? []).map((t) => t.name);

/** Paths of a note made of targets: every target's, or none known where one has none. */
function unionPaths(targets: readonly NoteTarget[]): string[] | undefined {
  if (targets.some((t) => t.paths === undefined)) return undefined;
  return [...new Set(targets.flatMap((t) => t.paths ?? []))].sort();
}

/**
 * Notes that differ only in the workload they name become one note per rule naming every one of
 * them, in the order they first appear; each target keeps the files it is about.
 */
export function groupByTarget(notes: readonly PlanNote[], known: readonly string[]): PlanNote[] {
  const out: PlanNote[] = [];
  const groups = new Map<string, { note: PlanNote; wording: Wording; targets: NoteTarget[] }>();
  for (const note of notes) {
    const name = note.targets ? null : soleTarget(note, known);
    const wording = name ? wordingOf(note.text, [name]) : null;
    if (!name || !wording) {
      out.push(note);
      continue;
    }
    const key = `${note.ruleId}\0${wording.before}\0${wording.noun.one}\0${wording.after}`;
    const target: NoteTarget = note.paths === undefined ? { name } : { name, paths: note.paths };
    const seen = groups.get(key);
    if (seen) {
      if (!seen.targets.some((t) => t.name === name)) seen.targets.push(target);
      else seen.targets = seen.targets.map((t) => (t.name === name ? mergeTarget(t, target) : t));
      continue;
    }
    const group = { note: { ...note }, wording, targets: [target] };
    groups.set(key, group);
    out.push(group.note);
  }
  for (const g of groups.values()) setTargets(g.note, g.wording, g.targets);
  return out;
}

function mergeTarget(a: NoteTarget, b: NoteTarget): NoteTarget {
  return a.paths === undefined || b.paths === undefined ? { name: a.name } : { name: a.name, paths: [...new Set([...a.paths, ...b.paths])].sort() };
}

function setTargets(note: PlanNote, wording: Wording, targets: NoteTarget[]): void {
  note.text = render(
    wording,
    targets.map((t) => t.name),
  );
  note.targets = targets;
  const paths = unionPaths(targets);
  if (paths === undefined) delete note.paths;
  else note.paths = paths;
}

/**
 * The note about only the targets `keep` accepts, reworded for them; null where none is left. A
 * note without targets is returned as it is.
 */
export function narrowNote(note: PlanNote, keep: (t: NoteTarget) => boolean): PlanNote | null {
  if (!note.targets) return note;
  const kept = note.targets.filter(keep);
  if (kept.length === 0) return null;
  if (kept.length === note.targets.length) return note;
  const wording = wordingOf(note.text, targetNames(note));
  if (!wording) return note;
  const narrowed = { ...note };
  setTargets(narrowed, wording, kept);
  return narrowed;
}

/** Names notes may use for a workload: the engine's containers and the Compose services ("project/service"). */
export function workloadNames(facts: HostFacts, projects: readonly { name: string; services: Record<string, unknown> }[] = []): string[] {
  const names = (facts.engine?.containers ?? []).map((c) => String(c.Name ?? '').replace(/^\//, ''));
  for (const p of [...facts.compose, ...projects]) names.push(...Object.keys(p.services).map((s) => `${p.name}/${s}`));
  return [...new Set(names.filter((n) => n !== ''))];
}
