// Putting the original container back under its name: what a failed gate, a recovery after a kill
// and a rollback all do. It works from whatever state the engine is in, so it can be repeated:
// the hardened container (known by its label, never by name alone) is removed, the original gets
// its name and restart policy back, and starts again if it was running. The original is looked
// at first: when it is gone nothing is removed, so the name is never left without a container.
import type { EngineClient } from '../../probes/engine-client.js';
import type { RecreatedEntry } from '../manifest.js';
import { REPLACES_LABEL, inspectContainer, removeContainer, renameContainer, setRestartPolicy, startContainer } from './engine-calls.js';

/** Why the original could not be put back; the message names what is where. */
export class RestoreError extends Error {}

const short = (id: string) => id.slice(0, 12);

export async function restoreOriginal(engine: EngineClient, entry: RecreatedEntry, parked: string): Promise<void> {
  const original = await inspectContainer(engine, entry.oldId);
  if (!original) {
    throw new RestoreError(`the original container ${short(entry.oldId)} no longer exists, so ${entry.name} was left as it is`);
  }
  const holder = await inspectContainer(engine, entry.name);
  if (holder && holder.Id !== original.Id) {
    if (holder.Config.Labels?.[REPLACES_LABEL] !== entry.oldId) {
      throw new RestoreError(
        `the name ${entry.name} now belongs to container ${short(holder.Id)}, which docker-harden did not make; the original stays as ${parked}`,
      );
    }
    await removeContainer(engine, holder.Id);
  }
  if (original.Name !== `/${entry.name}`) await renameContainer(engine, original.Id, entry.name);
  if (entry.restartPolicy.Name && entry.restartPolicy.Name !== 'no') await setRestartPolicy(engine, original.Id, entry.restartPolicy);
  if (entry.wasRunning && !original.State.Running) await startContainer(engine, original.Id);
}
