// Live container changes and their undo. Before an apply's `docker update` runs, each target
// container's current values are read from the engine and recorded in the backup set with the
// `docker update` arguments that put them back; rollback runs those, never the hardening ones.
import { execa } from 'execa';
import { createBackupDir, newBackupId, readManifest, writeManifest, type ContainerUndoEntry, type Manifest } from './backup-set.js';
import type { Plan, PlanStep } from '../plan-model/plan.js';
import { updateFlags, updatedContainer } from '../plan/container-advice.js';
import { DEFAULT_ENDPOINT, dockerArgv } from '../plan/docker-cli.js';
import { UserError } from '../core/errors.js';
import { openEngine } from './engine-endpoint.js';
import { SETTINGS, fieldsFor } from './container-values.js';

export interface ContainerUndo extends ContainerUndoEntry {
  /** Values that go back in effect but show differently in docker inspect. */
  notes: string[];
}

/** The undo of one container's update, from the values recorded before it (pure). */
export function containerUndo(name: string, id: string, flags: Iterable<string>, before: Record<string, unknown>): ContainerUndo {
  const args: string[] = [];
  const notes: string[] = [];
  const unrestorable: string[] = [];
  const seen = new Set<unknown>();
  for (const flag of flags) {
    const setting = SETTINGS[flag];
    if (!setting) {
      unrestorable.push(`--${flag} stays as the update set it: docker-harden does not know which value it changes, so none was recorded`);
      continue;
    }
    if (seen.has(setting)) continue;
    seen.add(setting);
    const undo = setting.undo(before);
    args.push(...(undo.args ?? []));
    if (undo.note) notes.push(undo.note);
    if (undo.cannot) unrestorable.push(undo.cannot);
  }
  // ["update", id] alone restores nothing: the manifest keeps the shape, rollback skips it.
  return { name, id, before, restoreArgs: ['update', ...args, id], unrestorable, notes };
}

/** The manifest's part of an undo (notes are derived again from `before` when needed). */
export function manifestEntry(u: ContainerUndo): ContainerUndoEntry {
  return { name: u.name, id: u.id, before: u.before, restoreArgs: u.restoreArgs, unrestorable: u.unrestorable };
}

/** Values that go back in effect but show differently, for an entry read from a manifest. */
export function restoreNotes(entry: ContainerUndoEntry): string[] {
  const notes = new Set<string>();
  for (const setting of new Set(Object.values(SETTINGS))) {
    if (!setting.fields.every((f) => f in entry.before)) continue;
    const note = setting.undo(entry.before).note;
    if (note) notes.add(note);
  }
  return [...notes];
}

/** Read every container a plan's `docker update` steps change, through the Engine API, before any runs. */
export async function recordContainers(steps: PlanStep[], endpoint: string | undefined): Promise<ContainerUndo[]> {
  const targets = steps.flatMap((s) => {
    const name = updatedContainer(s);
    return name ? [{ name, flags: Object.keys(updateFlags(s)) }] : [];
  });
  if (targets.length === 0) return [];
  const engine = openEngine(endpoint);
  try {
    const out: ContainerUndo[] = [];
    for (const t of targets) {
      const inspect = await engine
        .get<{ Id: string; Name: string; HostConfig: Record<string, unknown> }>(`/containers/${encodeURIComponent(t.name)}/json`)
        .catch((err: Error) => {
          throw new UserError(
            `Cannot read container ${t.name} from the engine at ${endpoint ?? DEFAULT_ENDPOINT} before updating it (${err.message}); nothing was changed.`,
            'Make the plan again from the current engine.',
          );
        });
      const before = Object.fromEntries(fieldsFor(t.flags).map((f) => [f, inspect.HostConfig?.[f] ?? null]));
      out.push(containerUndo(inspect.Name.replace(/^\//, ''), inspect.Id, t.flags, before));
    }
    return out;
  } finally {
    engine.close();
  }
}

export interface RestoreResult {
  name: string;
  status: 'restored' | 'gone' | 'failed' | 'nothing';
  message: string;
}

/** Put recorded values back with `docker [-H endpoint] update ...`, by container id (a recreated container is left alone). */
export async function restoreContainers(entries: ContainerUndoEntry[], endpoint: string | undefined): Promise<RestoreResult[]> {
  const results: RestoreResult[] = [];
  for (const e of entries) {
    if (e.restoreArgs.length <= 2) {
      results.push({ name: e.name, status: 'nothing', message: 'nothing the engine can put back' });
      continue;
    }
    const [cmd, ...pre] = dockerArgv(endpoint);
    const run = await execa(cmd, [...pre, ...e.restoreArgs], { reject: false, timeout: 60_000 });
    const why = (run.stderr || run.stdout || run.shortMessage || '').toString().trim().split('\n')[0];
    if (run.exitCode === 0 && !run.failed) results.push({ name: e.name, status: 'restored', message: e.restoreArgs.slice(1, -1).join(' ') });
    else if (/no such container/i.test(why))
      results.push({ name: e.name, status: 'gone', message: `container ${e.id.slice(0, 12)} no longer exists, so there is nothing to restore` });
    else results.push({ name: e.name, status: 'failed', message: why });
  }
  return results;
}

/**
 * Record the undo in the apply's backup set before any update runs: the set apply made for its
 * files, or a new one when the plan changes containers only. Returns the set's id.
 */
export async function saveContainerUndo(root: string, backupId: string | null, plan: Plan, endpoint: string, undo: ContainerUndo[]): Promise<string> {
  let dir: string;
  let manifest: Manifest;
  if (backupId) {
    ({ dir, manifest } = await readManifest(root, backupId));
  } else {
    const id = newBackupId();
    dir = await createBackupDir(root, id);
    manifest = { version: 1, id, createdAt: new Date().toISOString(), profile: plan.profile, state: 'applied', files: [], permissions: [], steps: plan.steps };
  }
  await writeManifest(dir, { ...manifest, endpoint, containers: undo.map(manifestEntry) });
  return manifest.id;
}
