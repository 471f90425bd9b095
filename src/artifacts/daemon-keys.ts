// The daemon.json keys dockerd (Linux) accepts, with their JSON shape and the release that
// introduced or removed them (reference/daemon-json.md §1–§2, §5). dockerd refuses to start on
// any key it does not know, so nothing outside this table is ever written.
import type { JsonType } from './json-types.js';
import { atLeast, type EngineVersion } from './engine-version.js';

export interface DaemonKey {
  type: JsonType;
  /** First release that accepts the key, where newer than 17.06. */
  since?: string;
  /** Applied by SIGHUP (`systemctl reload docker`) without a restart. */
  reloadable?: boolean;
}

export interface RemovedKey {
  /** First release that refuses to start with the key. */
  fatalFrom: string;
  /** What replaces it, where something does. */
  replacement?: string;
}

const t = (type: JsonType, extra: Omit<DaemonKey, 'type'> = {}): DaemonKey => ({ type, ...extra });
/** Tables looked up by the user's keys and values: no prototype, so "constructor" or "__proto__" find nothing. */
const table = <T>(entries: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, entries);

export const DAEMON_KEYS: Record<string, DaemonKey> = table({
  'allow-direct-routing': t('boolean', { since: '28.2' }),
  'authorization-plugins': t('string[]', { reloadable: true }),
  bip: t('string'),
  bip6: t('string', { since: '28.0' }),
  bridge: t('string'),
  'bridge-accept-fwmark': t('string', { since: '29.0' }),
  builder: t('object'),
  'cdi-spec-dirs': t('string[]', { since: '25.0' }),
  'cgroup-parent': t('string'),
  containerd: t('string'),
  'containerd-namespace': t('string'),
  'containerd-plugins-namespace': t('string'),
  'cpu-rt-period': t('integer'),
  'cpu-rt-runtime': t('integer'),
  'cri-containerd': t('boolean'),
  'data-root': t('string'),
  debug: t('boolean', { reloadable: true }),
  'default-address-pools': t('address-pools'),
  'default-cgroupns-mode': t('string'),
  'default-gateway': t('string'),
  'default-gateway-v6': t('string'),
  'default-ipc-mode': t('string'),
  'default-network-opts': t('object', { since: '24.0' }),
  'default-runtime': t('string', { reloadable: true }),
  'default-shm-size': t('string'),
  'default-stop-timeout': t('integer', { since: '29.7' }),
  'default-ulimits': t('ulimits'),
  dns: t('string[]'),
  'dns-opts': t('string[]'),
  'dns-search': t('string[]'),
  'exec-opts': t('string[]'),
  'exec-root': t('string'),
  experimental: t('boolean'),
  features: t('boolean-map', { reloadable: true }),
  'firewall-backend': t('string', { since: '29.0' }),
  'fixed-cidr': t('string'),
  'fixed-cidr-v6': t('string'),
  group: t('string'),
  'host-gateway-ip': t('string'),
  'host-gateway-ips': t('string[]', { since: '28.0' }),
  hosts: t('string[]'),
  icc: t('boolean'),
  init: t('boolean'),
  'init-path': t('string'),
  'insecure-registries': t('string[]', { reloadable: true }),
  ip: t('string'),
  'ip-forward': t('boolean'),
  'ip-forward-no-drop': t('boolean', { since: '28.0' }),
  'ip-masq': t('boolean'),
  ip6tables: t('boolean', { since: '20.10' }),
  iptables: t('boolean'),
  ipv6: t('boolean'),
  labels: t('string[]', { reloadable: true }),
  'live-restore': t('boolean', { reloadable: true }),
  'log-driver': t('string'),
  'log-format': t('string', { since: '25.0' }),
  'log-level': t('string'),
  'log-opts': t('string-map'),
  'max-concurrent-downloads': t('integer', { reloadable: true }),
  'max-concurrent-uploads': t('integer', { reloadable: true }),
  'max-download-attempts': t('integer', { reloadable: true }),
  'metrics-addr': t('string'),
  'min-api-version': t('string', { since: '29.0' }),
  mtu: t('integer'),
  'network-control-plane-mtu': t('integer'),
  'network-diagnostic-port': t('integer'),
  'no-new-privileges': t('boolean'),
  'node-generic-resources': t('string[]'),
  'nri-opts': t('object', { since: '29.2' }),
  pidfile: t('string'),
  proxies: t('object', { since: '23.0' }),
  'raw-logs': t('boolean'),
  'registry-mirrors': t('string[]', { reloadable: true }),
  rootless: t('boolean'),
  runtimes: t('object', { reloadable: true }),
  'seccomp-profile': t('string'),
  'selinux-enabled': t('boolean'),
  'shutdown-timeout': t('integer', { reloadable: true }),
  'storage-driver': t('string'),
  'storage-opts': t('string[]'),
  'swarm-default-advertise-addr': t('string'),
  tls: t('boolean'),
  tlscacert: t('string'),
  tlscert: t('string'),
  tlskey: t('string'),
  tlsverify: t('boolean'),
  'userland-proxy': t('boolean'),
  'userland-proxy-path': t('string'),
  'userns-remap': t('string'),
  // Accepted and ignored by current dockerd (skipValidateOptions), so harmless to keep.
  'allow-nondistributable-artifacts': t('string[]'),
  'deprecated-key-path': t('string'),
});

/** Keys that dockerd refuses to start with from a given release (§2). */
export const REMOVED_KEYS: Record<string, RemovedKey> = table({
  'disable-legacy-registry': { fatalFrom: '19.03' },
  'api-enable-cors': { fatalFrom: '17.09' },
  graph: { fatalFrom: '23.0', replacement: 'data-root' },
  'cluster-store': { fatalFrom: '23.0' },
  'cluster-advertise': { fatalFrom: '23.0' },
  'cluster-store-opts': { fatalFrom: '23.0' },
  'oom-score-adjust': { fatalFrom: '25.0' },
  'api-cors-header': { fatalFrom: '28.0' },
});

/** Storage drivers whose code is gone: dockerd exits at init when one is configured. */
export const REMOVED_STORAGE_DRIVERS: Record<string, string> = table({ aufs: '24.0', overlay: '24.0', devicemapper: '25.0' });

/** The release a key became fatal in, where the engine is at or past it. */
export function removedIn(key: string, v: EngineVersion | null): string | null {
  const r = REMOVED_KEYS[key];
  return r && atLeast(v, r.fatalFrom) ? r.fatalFrom : null;
}

/** Whether the engine accepts `key` at all (known, introduced, not removed). */
export function keyKnownTo(key: string, v: EngineVersion | null): boolean {
  if (removedIn(key, v)) return false;
  if (REMOVED_KEYS[key]) return true;
  const k = DAEMON_KEYS[key];
  return !!k && (!k.since || atLeast(v, k.since));
}

/** Type of a key that is no longer in DAEMON_KEYS but still accepted by older engines. */
const REMOVED_KEY_TYPES: Record<string, JsonType> = table({
  'disable-legacy-registry': 'boolean',
  'api-enable-cors': 'boolean',
  graph: 'string',
  'cluster-store': 'string',
  'cluster-advertise': 'string',
  'cluster-store-opts': 'string-map',
  'oom-score-adjust': 'integer',
  'api-cors-header': 'string',
});

export function keyType(key: string): JsonType | null {
  return DAEMON_KEYS[key]?.type ?? REMOVED_KEY_TYPES[key] ?? null;
}

export function isReloadable(key: string): boolean {
  return DAEMON_KEYS[key]?.reloadable === true;
}
