// Which daemon.json keys a given engine accepts, read from the one key table in
// facts/daemon-keys.ts (type, release window, reloadable, default).
import { DAEMON_KEYS } from '../facts/daemon-keys.js';
import { atLeast, type EngineVersion } from './engine-version.js';

export { DAEMON_KEYS, REMOVED_KEYS, REMOVED_STORAGE_DRIVERS, isReloadable, keyType } from '../facts/daemon-keys.js';

/** The release a key became fatal in, where the engine is at or past it. */
export function removedIn(key: string, v: EngineVersion | null): string | null {
  const fatalFrom = DAEMON_KEYS[key]?.fatalFrom;
  return fatalFrom && atLeast(v, fatalFrom) ? fatalFrom : null;
}

/** Whether the engine accepts `key` at all (known, introduced, not removed). */
export function keyKnownTo(key: string, v: EngineVersion | null): boolean {
  const k = DAEMON_KEYS[key];
  if (!k || removedIn(key, v)) return false;
  return !k.since || atLeast(v, k.since);
}
