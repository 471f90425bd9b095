// Shared by CIS 2.6 (aufs) and 2.7 (devicemapper): the storage driver in use, from the engine's
// Driver field or the configured "storage-driver" (-s). Unset means dockerd picks one itself,
// which is never a removed driver on a fresh install. The release that removed each driver comes
// from the key table.
import { REMOVED_STORAGE_DRIVERS } from '../../facts/daemon-keys.js';
import type { Rule } from '../rule.js';
import { engineInfo, engineState, liveReading } from './support.js';
import { manual } from './remedy.js';
import { daemonSettingRule, type DaemonRuleMeta } from './setting-rule.js';

export function storageDriverRule(meta: DaemonRuleMeta, driver: 'aufs' | 'devicemapper'): Rule {
  const removedIn = REMOVED_STORAGE_DRIVERS[driver];
  return daemonSettingRule(meta, {
    key: 'storage-driver',
    subject: 'the storage driver',
    live: (facts) => {
      const info = engineInfo(facts);
      return typeof info?.Driver === 'string' ? liveReading(info.Driver, `docker info: Driver=${JSON.stringify(info.Driver)}`) : undefined;
    },
    decide: (facts, configured, live) =>
      configured?.origin === 'default' && !live && engineState(facts) === 'unknown'
        ? {
            status: 'warn',
            message: `No storage driver is configured and the engine could not be asked (probe engine: ${facts.probes.engine?.status}), so the driver in use is unknown.`,
            evidence: [configured.evidence, { kind: 'probe', detail: `engine: ${facts.probes.engine?.status}` }],
          }
        : null,
    ok: (v) => v !== driver,
    // Unset means "chosen at start", which agrees with whatever the engine picked.
    same: (a, b) => a === '' || b === '' || a === b,
    pass: (r) =>
      r.value
        ? `The storage driver is ${JSON.stringify(r.value)} (${r.where}), not ${driver}`
        : `No storage driver is set, so dockerd chooses one itself and never picks ${driver} on a fresh install`,
    fail: (r) =>
      `The storage driver is ${driver} (${r.where}); it is deprecated and was removed in Docker Engine ${removedIn}, where dockerd refuses to start with it`,
    // Switching drivers hides every image, container and volume stored by the old one, so this stays a planned migration.
    remedy: () => [
      manual(
        `Migrate off ${driver}: save or push the images and back up the volumes you need, remove "storage-driver": "${driver}" (and any ${driver === 'devicemapper' ? 'dm.*' : 'aufs'} storage options) from daemon.json or the -s/--storage-driver flag, restart dockerd so it uses overlay2, then reload the images and recreate the containers.`,
      ),
    ],
  });
}
