// Shared by CIS 2.6 (aufs) and 2.7 (devicemapper): the storage driver in use, from the engine's
// Driver field or the configured "storage-driver" (-s). Unset means dockerd picks one itself,
// which is never a removed driver on a fresh install.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult } from '../rule.js';
import { configBlocker, engineInfo, engineState, liveReading, readOption, type JsonKind } from './support.js';
import { settingResult } from './setting.js';
import { blockerAdvice, hasFailure, manual } from './remedy.js';

const KEYS: Record<string, JsonKind> = { 'storage-driver': 'string' };

export interface DriverBan {
  driver: 'aufs' | 'devicemapper';
  removedIn: string;
}

export function storageDriverCheck(facts: HostFacts, ban: DriverBan): CheckResult[] {
  const blocked = configBlocker(facts, KEYS);
  if (blocked) return [blocked];
  const configured = readOption(facts, 'storage-driver', '');
  const info = engineInfo(facts);
  const live = typeof info?.Driver === 'string' ? liveReading(info.Driver, `docker info: Driver=${JSON.stringify(info.Driver)}`) : undefined;
  if (configured?.origin === 'default' && !live && engineState(facts) === 'unknown') {
    return [{
      status: 'warn',
      message: `No storage driver is configured and the engine could not be asked (probe engine: ${facts.probes.engine?.status}), so the driver in use is unknown.`,
      evidence: [configured.evidence, { kind: 'probe', detail: `engine: ${facts.probes.engine?.status}` }],
    }];
  }
  return [settingResult(facts, {
    subject: 'the storage driver',
    configured,
    live,
    ok: (v) => v !== ban.driver,
    // Unset means "chosen at start", which agrees with whatever the engine picked.
    same: (a, b) => a === '' || b === '' || a === b,
    pass: (r) => (r.value ? `The storage driver is ${JSON.stringify(r.value)} (${r.where}), not ${ban.driver}` : `No storage driver is set, so dockerd chooses one itself and never picks ${ban.driver} on a fresh install`),
    fail: (r) => `The storage driver is ${ban.driver} (${r.where}); it is deprecated and was removed in Docker Engine ${ban.removedIn}, where dockerd refuses to start with it`,
  })];
}

export function storageDriverRemedy(facts: HostFacts, ban: DriverBan): Contribution[] {
  if (!hasFailure(storageDriverCheck(facts, ban))) return [];
  const blocked = blockerAdvice(facts, Object.keys(KEYS));
  if (blocked) return [blocked];
  // Switching drivers hides every image, container and volume stored by the old one, so this stays a planned migration.
  return [manual(
    `Migrate off ${ban.driver}: save or push the images and back up the volumes you need, remove "storage-driver": "${ban.driver}" (and any ${ban.driver === 'devicemapper' ? 'dm.*' : 'aufs'} storage options) from daemon.json or the -s/--storage-driver flag, restart dockerd so it uses overlay2, then reload the images and recreate the containers.`,
  )];
}
