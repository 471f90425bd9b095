// One standalone container recreated hardened. Nothing is touched until the container is checked
// to be the one the plan was made from and its image is still on the engine; then the manifest
// records the entry, the original is renamed to `<name>.pre-harden-<set>` (kept, stopped, for
// rollback), the hardened one is created under the original name from the plan's body, connected
// to its other networks, started, and watched through the gate. Any failure on the way puts the
// original back as it was, and the reason says what went wrong.
import type { EngineClient } from '../../probes/engine-client.js';
import type { RecreateStep } from '../../plan-model/recreate.js';
import type { RecreatedEntry } from '../manifest.js';
import * as api from './engine-calls.js';
import { containerLogTail } from './container-logs.js';
import { watchGate } from './gate.js';
import { parkedName, type RecordEntry } from './recreate-record.js';
import { restoreOriginal } from './restore-original.js';

export type RecreateOutcome =
  /** `started` is false for an original that was not running: its copy is created, not started, and no gate runs. */
  | { status: 'recreated'; name: string; oldId: string; newId: string; closes: string[]; started: boolean }
  /** The hardened container did not work; the original runs again (or stays stopped, as it was). */
  | { status: 'reverted'; name: string; reason: string; closes: string[] }
  /** Nothing was changed. */
  | { status: 'refused'; name: string; reason: string }
  /** The revert itself failed: the reason says where each container is. */
  | { status: 'failed'; name: string; reason: string };

export interface RecreateContext {
  engine: EngineClient;
  setId: string;
  record: RecordEntry;
  /** Gate poll interval (ms); tests shorten it. */
  pollMs?: number;
}

export async function recreateContainer(step: RecreateStep, ctx: RecreateContext): Promise<RecreateOutcome> {
  const { engine } = ctx;
  const name = step.container.name;
  const refuse = (reason: string): RecreateOutcome => ({ status: 'refused', name, reason });
  const parked = parkedName(name, ctx.setId);

  const old = await api.inspectContainer(engine, name);
  if (!old) return refuse(`there is no container named ${name} any more`);
  if (old.Id !== step.container.id) return refuse(`${name} is now container ${old.Id.slice(0, 12)}, not the one the plan was made from; make the plan again`);
  // Stopping a --rm container removes it: there would be no original to put back.
  if (old.HostConfig.AutoRemove) return refuse(`${name} was started with --rm: stopping it would remove it, so it could not be put back`);
  const image = String(step.create.Image ?? step.container.image);
  if (!(await api.imagePresent(engine, image)))
    return refuse(`its image ${image.replace(/^sha256:/, '').slice(0, 12)} is not on the engine any more, so no new container can be made from it`);
  if (await api.inspectContainer(engine, parked)) return refuse(`a container named ${parked} already exists`);

  const entry: RecreatedEntry = {
    name,
    oldId: old.Id,
    wasRunning: old.State.Running,
    restartPolicy: { Name: old.HostConfig.RestartPolicy?.Name ?? '', MaximumRetryCount: old.HostConfig.RestartPolicy?.MaximumRetryCount ?? 0 },
    phase: 'recreating',
  };
  await ctx.record(entry);
  const madeNetworks: string[] = [];
  const revert = async (why: string): Promise<RecreateOutcome> => {
    const reason = `recreate reverted: ${why}`;
    try {
      await restoreOriginal(engine, entry, parked);
    } catch (err) {
      return { status: 'failed', name, reason: `${reason}; putting the original back failed: ${api.engineMessage(err)}` };
    }
    // Networks made for this container a moment ago serve nothing now (the engine refuses to remove one in use).
    for (const n of madeNetworks) await api.removeNetwork(engine, n).catch(() => {});
    await ctx.record({ ...entry, phase: 'reverted', reason });
    return { status: 'reverted', name, reason, closes: step.closes };
  };

  try {
    return await replace(step, ctx, entry, parked, madeNetworks, revert);
  } catch (err) {
    // An engine call that should not fail did (the daemon went away mid-way): put the original back now if possible.
    return revert(`it stopped half-way (${api.engineMessage(err)})`);
  }
}

async function replace(
  step: RecreateStep,
  ctx: RecreateContext,
  entry: RecreatedEntry,
  parked: string,
  madeNetworks: string[],
  revert: (why: string) => Promise<RecreateOutcome>,
): Promise<RecreateOutcome> {
  const { engine } = ctx;
  try {
    await api.renameContainer(engine, entry.oldId, parked);
    // A parked original with a restart policy would come back beside the new one at the next daemon start.
    if (entry.restartPolicy.Name && entry.restartPolicy.Name !== 'no') await api.setRestartPolicy(engine, entry.oldId, { Name: 'no' });
    if (entry.wasRunning) await api.stopContainer(engine, entry.oldId);
  } catch (err) {
    return revert(`the original could not be renamed and stopped (${api.engineMessage(err)})`);
  }
  let newId: string;
  try {
    for (const n of step.createNetworks ?? []) {
      if (await api.networkExists(engine, n)) continue;
      await api.createBridgeNetwork(engine, n, entry.name);
      madeNetworks.push(n);
    }
    newId = await api.createContainer(engine, entry.name, withReplacesLabel(step.create, entry.oldId));
  } catch (err) {
    return revert(`the engine refused to create it (${api.engineMessage(err)})`);
  }
  entry.newId = newId;
  await ctx.record(entry);
  try {
    for (const [network, config] of Object.entries(step.networks)) await api.connectNetwork(engine, network, newId, config);
    // A container that was stopped stays stopped: starting it is its owner's decision, not the hardening's.
    if (entry.wasRunning) await api.startContainer(engine, newId);
  } catch (err) {
    return revert(`it could not start (${api.engineMessage(err)})${await logSuffix(engine, newId)}`);
  }
  if (entry.wasRunning) {
    const verdict = await watchGate(engine, newId, { gateSeconds: step.gateSeconds, pollMs: ctx.pollMs });
    if (!verdict.passed) return revert(`${verdict.why}${await logSuffix(engine, newId)}`);
  }
  await ctx.record({ ...entry, phase: 'recreated' });
  return { status: 'recreated', name: entry.name, oldId: entry.oldId, newId, closes: step.closes, started: entry.wasRunning };
}

/** The plan's body, with the label that proves to a later recovery or rollback that this container is ours to remove. */
function withReplacesLabel(create: Record<string, unknown>, oldId: string): Record<string, unknown> {
  const labels = (create.Labels ?? {}) as Record<string, string>;
  return { ...create, Labels: { ...labels, [api.REPLACES_LABEL]: oldId } };
}

// dockerd copies a container's output to its log asynchronously and may still be writing the
// last lines when the container is reported as exited (on a busy host, up to its 2 s stream
// timeout): read again until two reads agree, a few times at most.
async function logSuffix(engine: EngineClient, id: string): Promise<string> {
  let lines = await containerLogTail(engine, id, 5);
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const again = await containerLogTail(engine, id, 5);
    if (again.join('\n') === lines.join('\n')) break;
    lines = again;
  }
  return lines.length ? `; last log lines: ${lines.join(' | ')}` : '';
}
