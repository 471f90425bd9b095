// dockerd's -H values edited where they are written (CIS 2.8): in docker.service's ExecStart, by a
// drop-in that repeats it (on top of any rewrite for flag/daemon.json clashes), or in the variable
// of its environment file (DOCKER_OPTS in /etc/default/docker), so that file stays the one to edit.
import type { HostFacts } from '../facts/host-facts.js';
import { parseDockerdArgs, splitCommandLine } from '../facts/dockerd-flags.js';
import { unitArgs } from '../facts/effective-config.js';
import { unitArgOrigins } from '../facts/flag-origins.js';
import { effectiveExecStart } from '../facts/systemd-unit.js';
import { emptyNotes, type FileChange, type PlanNotes } from '../plan-model/plan.js';
import { fileChange, strictestMode } from '../plan-model/file-change.js';
import type { Tagged } from '../rules/contribution.js';
import { laterExecStartDropIn, type ExecStartRewrite } from './execstart-rewrite.js';

export interface HostEdit {
  drop: readonly string[];
  replace: Readonly<Record<string, string>>;
}

export interface DockerdHostsResult extends PlanNotes {
  /** The ExecStart the docker.service drop-in runs, or the one it had (null: none needed). */
  execStart: ExecStartRewrite | null;
  /** Environment files whose variable lost or changed -H values. */
  files: FileChange[];
}

/** Words of a command line without the dropped -H values and with replaced ones; `$VAR` words are left as they are. */
export function editHostWords(words: readonly string[], edit: HostEdit): { words: string[]; changed: string[] } {
  const out: string[] = [];
  const changed: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const flag = word.startsWith('-') && !word.includes('$') ? [...parseDockerdArgs(words.slice(i, i + 2)).values()].find((f) => f.raw[0] === word) : undefined;
    const n = flag?.raw.length ?? 1;
    const value = flag?.key === 'hosts' && Array.isArray(flag.value) ? flag.value[0] : undefined;
    if (value !== undefined && edit.drop.includes(value)) changed.push(flag!.raw.join(' '));
    else if (value !== undefined && Object.hasOwn(edit.replace, value)) {
      changed.push(flag!.raw.join(' '));
      out.push(...(n === 2 ? [word, edit.replace[value]] : [`--host=${edit.replace[value]}`]));
    } else out.push(...words.slice(i, i + n));
    i += n - 1;
  }
  return { words: out, changed };
}

export function renderDockerdHosts(facts: HostFacts, contributions: Tagged<'dockerd-hosts'>[], base: ExecStartRewrite | null): DockerdHostsResult {
  const notes = emptyNotes();
  const unit = facts.systemd.service;
  const line = unit ? effectiveExecStart(unit) : null;
  if (contributions.length === 0 || !unit || !line) return { ...notes, execStart: base, files: [] };
  const edit: HostEdit = {
    drop: contributions.flatMap((c) => c.drop),
    replace: Object.assign({}, ...contributions.map((c) => c.replace)),
  };
  const addArgs = contributions.flatMap((c) => c.addArgs);
  const later = laterExecStartDropIn(unit.dropIns);
  const words = base?.words ?? splitCommandLine(line);
  const exec = editHostWords(words, edit);
  if (later && (exec.changed.length > 0 || addArgs.length > 0)) {
    notes.refused.push({
      ruleId: '2.8',
      key: 'ExecStart',
      text: `ExecStart is set in ${later}, which overrides a docker-harden drop-in; change the -H and TLS flags there.`,
    });
    return { ...notes, execStart: base, files: [] };
  }
  const files = editEnvironmentFiles(facts, edit, notes);
  const rewrite =
    exec.changed.length > 0 || addArgs.length > 0
      ? { words: [...exec.words, ...addArgs], removed: [...(base?.removed ?? []), ...exec.changed], keys: [...new Set([...(base?.keys ?? []), 'hosts'])] }
      : base;
  return { ...notes, execStart: rewrite, files };
}

/** The environment-file variables that carry -H values, edited in place. */
function editEnvironmentFiles(facts: HostFacts, edit: HostEdit, notes: PlanNotes): FileChange[] {
  const unit = unitArgs(facts);
  const origins = unit ? unitArgOrigins(facts, unit.line, unit.args) : null;
  if (!unit || !origins) return [];
  const places = new Map<string, string>();
  for (const o of origins) if (o.variable && o.path.startsWith('/') && facts.envFiles[o.path]) places.set(o.path, o.variable);
  const files: FileChange[] = [];
  for (const [path, variable] of places) {
    const before = facts.envFiles[path]!;
    const after = editVariable(before, variable, edit);
    if (after === null) {
      notes.refused.push({
        ruleId: '2.8',
        key: path,
        text: `${variable} in ${path} is quoted in a way docker-harden does not rewrite; remove its tcp:// -H values by hand.`,
      });
      continue;
    }
    if (after === before) continue;
    files.push(fileChange({ path, before, after, mode: strictestMode(facts.files[path]?.mode, 0o644), closes: ['2.8'], artifact: 'dockerd-env' }));
  }
  return files;
}

/** The file with the last `VAR=` assignment edited, or null when its value holds quotes of its own. */
export function editVariable(text: string, variable: string, edit: HostEdit): string | null {
  const lines = text.split('\n');
  const re = new RegExp(`^(\\s*(?:export\\s+)?${variable}=)(.*)$`);
  let at = -1;
  lines.forEach((l, i) => (re.test(l) ? (at = i) : undefined));
  if (at === -1) return text;
  const [, head, raw] = re.exec(lines[at])!;
  const quote = /^(["'])(.*)\1\s*$/.exec(raw);
  const inner = quote ? quote[2] : raw.trim();
  if (/["'\\]/.test(inner)) return null;
  const { words, changed } = editHostWords(inner.split(/\s+/).filter(Boolean), edit);
  if (changed.length === 0) return text;
  const q = quote?.[1] ?? '"';
  lines[at] = `${head}${q}${words.join(' ')}${q}`;
  return lines.join('\n');
}
