// The key table is looked up with the user's keys, and its defaults are compared with values read
// from daemon.json, so both must hold: no prototype members, and defaults of the key's own type.
import { describe, expect, it } from 'vitest';
import { checkJsonType } from '../../src/artifacts/json-types.js';
import { keyKnownTo } from '../../src/artifacts/daemon-keys.js';
import { parseEngineVersion } from '../../src/artifacts/engine-version.js';
import { DAEMON_KEYS, REMOVED_KEYS, REMOVED_STORAGE_DRIVERS, isReloadable, keyDefault, keyType } from '../../src/facts/daemon-keys.js';

describe('DAEMON_KEYS', () => {
  it('finds nothing for Object.prototype member names', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(DAEMON_KEYS[name], name).toBeUndefined();
      expect(REMOVED_KEYS[name], name).toBeUndefined();
      expect(REMOVED_STORAGE_DRIVERS[name], name).toBeUndefined();
      expect(keyType(name)).toBeNull();
      expect(isReloadable(name)).toBe(false);
      expect(keyDefault(name)).toBeUndefined();
    }
  });

  it('gives every default the JSON type of its key', () => {
    const withDefault = Object.entries(DAEMON_KEYS).filter(([, k]) => k.default !== undefined);
    expect(withDefault.length).toBeGreaterThan(20);
    for (const [key, k] of withDefault) expect(checkJsonType(k.type, k.default), key).toBeNull();
  });

  it('holds removed keys in the same table, with their release window', () => {
    expect(Object.keys(REMOVED_KEYS).sort()).toEqual(
      Object.keys(DAEMON_KEYS)
        .filter((k) => DAEMON_KEYS[k].fatalFrom)
        .sort(),
    );
    expect(keyType('cluster-store-opts')).toBe('string-map');
    expect(keyKnownTo('graph', parseEngineVersion('22.06.1'))).toBe(true);
    expect(keyKnownTo('graph', parseEngineVersion('23.0.0'))).toBe(false);
    expect(keyKnownTo('bip6', parseEngineVersion('27.5.1'))).toBe(false);
    expect(keyKnownTo('bip6', parseEngineVersion('28.0.0'))).toBe(true);
  });
});
