// The one table of daemon.json keys dockerd (Linux) accepts: JSON shape, the release window in
// which it is accepted, whether SIGHUP applies it, and dockerd's value when it is unset
// (reference/daemon-json.md §1–§2, §5). dockerd refuses to start on any key it does not know, so
// nothing outside this table is ever written. The section-2 rules read their types and defaults
// here; the artifact layer checks every written value against the same types.

/** JSON shapes dockerd unmarshals daemon.json keys into. */
export type JsonType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'string[]'
  /** { name: "string" } — log-opts values must be strings ("max-file": "3"). */
  | 'string-map'
  /** { name: boolean } — features. */
  | 'boolean-map'
  /** { "nofile": { "Name": "nofile", "Hard": n, "Soft": n } } */
  | 'ulimits'
  /** [ { "base": "CIDR", "size": n } ] */
  | 'address-pools'
  | 'object';

export interface DaemonKey {
  type: JsonType;
  /** First release that accepts the key, where newer than 17.06. */
  since?: string;
  /** First release that refuses to start with the key. */
  fatalFrom?: string;
  /** What replaces a removed key, where something does. */
  replacement?: string;
  /** Values dockerd refuses to start with, by the release that removed them (storage drivers whose code is gone). */
  fatalValues?: Record<string, string>;
  /** Applied by SIGHUP (`systemctl reload docker`) without a restart. */
  reloadable?: boolean;
  /**
   * What dockerd does when the key is unset (the "Default Value" of the CIS item that reads it), in
   * the form the rules compare: "" for "dockerd chooses", [] or {} for "none".
   */
  default?: unknown;
}

/** Tables looked up by the user's keys and values: no prototype, so "constructor" or "__proto__" find nothing. */
export const table = <T>(entries: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, entries);

const t = (type: JsonType, extra: Omit<DaemonKey, 'type'> = {}): DaemonKey => ({ type, ...extra });

export const DAEMON_KEYS: Record<string, DaemonKey> = table({
  'allow-direct-routing': t('boolean', { since: '28.2' }),
  'authorization-plugins': t('string[]', { reloadable: true, default: [] }),
  bip: t('string'),
  bip6: t('string', { since: '28.0' }),
  bridge: t('string', { default: '' }),
  'bridge-accept-fwmark': t('string', { since: '29.0' }),
  builder: t('object'),
  'cdi-spec-dirs': t('string[]', { since: '25.0' }),
  'cgroup-parent': t('string', { default: '' }),
  containerd: t('string'),
  'containerd-namespace': t('string'),
  'containerd-plugins-namespace': t('string'),
  'cpu-rt-period': t('integer'),
  'cpu-rt-runtime': t('integer'),
  'cri-containerd': t('boolean'),
  'data-root': t('string'),
  debug: t('boolean', { reloadable: true, default: false }),
  'default-address-pools': t('address-pools'),
  'default-cgroupns-mode': t('string'),
  'default-gateway': t('string'),
  'default-gateway-v6': t('string'),
  'default-ipc-mode': t('string'),
  'default-network-opts': t('object', { since: '24.0' }),
  'default-runtime': t('string', { reloadable: true }),
  'default-shm-size': t('string'),
  'default-stop-timeout': t('integer', { since: '29.7' }),
  'default-ulimits': t('ulimits', { default: {} }),
  dns: t('string[]'),
  'dns-opts': t('string[]'),
  'dns-search': t('string[]'),
  'exec-opts': t('string[]', { default: [] }),
  'exec-root': t('string'),
  experimental: t('boolean', { default: false }),
  features: t('boolean-map', { reloadable: true }),
  'firewall-backend': t('string', { since: '29.0' }),
  'fixed-cidr': t('string'),
  'fixed-cidr-v6': t('string'),
  group: t('string'),
  'host-gateway-ip': t('string'),
  'host-gateway-ips': t('string[]', { since: '28.0' }),
  // Unset means only the local unix socket, which is not a listener the rules look at.
  hosts: t('string[]', { default: [] }),
  icc: t('boolean', { default: true }),
  init: t('boolean'),
  'init-path': t('string'),
  'insecure-registries': t('string[]', { reloadable: true, default: [] }),
  ip: t('string'),
  'ip-forward': t('boolean'),
  'ip-forward-no-drop': t('boolean', { since: '28.0' }),
  'ip-masq': t('boolean'),
  ip6tables: t('boolean', { since: '20.10' }),
  iptables: t('boolean', { default: true }),
  ipv6: t('boolean'),
  labels: t('string[]', { reloadable: true }),
  'live-restore': t('boolean', { reloadable: true, default: false }),
  'log-driver': t('string', { default: 'json-file' }),
  'log-format': t('string', { since: '25.0' }),
  'log-level': t('string', { default: 'info' }),
  'log-opts': t('string-map', { default: {} }),
  'max-concurrent-downloads': t('integer', { reloadable: true }),
  'max-concurrent-uploads': t('integer', { reloadable: true }),
  'max-download-attempts': t('integer', { reloadable: true }),
  'metrics-addr': t('string'),
  'min-api-version': t('string', { since: '29.0' }),
  mtu: t('integer'),
  'network-control-plane-mtu': t('integer'),
  'network-diagnostic-port': t('integer'),
  'no-new-privileges': t('boolean', { default: false }),
  'node-generic-resources': t('string[]'),
  'nri-opts': t('object', { since: '29.2' }),
  pidfile: t('string'),
  proxies: t('object', { since: '23.0' }),
  'raw-logs': t('boolean'),
  'registry-mirrors': t('string[]', { reloadable: true }),
  rootless: t('boolean'),
  runtimes: t('object', { reloadable: true }),
  'seccomp-profile': t('string', { default: 'builtin' }),
  'selinux-enabled': t('boolean'),
  'shutdown-timeout': t('integer', { reloadable: true }),
  'storage-driver': t('string', { default: '', fatalValues: table({ aufs: '24.0', overlay: '24.0', devicemapper: '25.0' }) }),
  'storage-opts': t('string[]', { default: [] }),
  'swarm-default-advertise-addr': t('string'),
  tls: t('boolean', { default: false }),
  tlscacert: t('string', { default: '' }),
  tlscert: t('string', { default: '' }),
  tlskey: t('string', { default: '' }),
  tlsverify: t('boolean', { default: false }),
  'userland-proxy': t('boolean', { default: true }),
  'userland-proxy-path': t('string'),
  'userns-remap': t('string', { default: '' }),
  // Accepted and ignored by current dockerd (skipValidateOptions), so harmless to keep.
  'allow-nondistributable-artifacts': t('string[]'),
  'deprecated-key-path': t('string'),
  // Removed keys (§2): older engines still accept them, newer ones refuse to start.
  'disable-legacy-registry': t('boolean', { fatalFrom: '19.03' }),
  'api-enable-cors': t('boolean', { fatalFrom: '17.09' }),
  graph: t('string', { fatalFrom: '23.0', replacement: 'data-root' }),
  'cluster-store': t('string', { fatalFrom: '23.0' }),
  'cluster-advertise': t('string', { fatalFrom: '23.0' }),
  'cluster-store-opts': t('string-map', { fatalFrom: '23.0' }),
  'oom-score-adjust': t('integer', { fatalFrom: '25.0' }),
  'api-cors-header': t('string', { fatalFrom: '28.0' }),
});

/** The removed keys alone, for callers that handle them (renaming to the replacement). */
export const REMOVED_KEYS: Record<string, DaemonKey & { fatalFrom: string }> = table(
  Object.fromEntries(Object.entries(DAEMON_KEYS).filter((e): e is [string, DaemonKey & { fatalFrom: string }] => e[1].fatalFrom !== undefined)),
);

/** Storage drivers whose code is gone: dockerd exits at init when one is configured. */
export const REMOVED_STORAGE_DRIVERS: Record<string, string> = DAEMON_KEYS['storage-driver'].fatalValues!;

export function keyType(key: string): JsonType | null {
  return DAEMON_KEYS[key]?.type ?? null;
}

export function isReloadable(key: string): boolean {
  return DAEMON_KEYS[key]?.reloadable === true;
}

/** dockerd's value for an unset key (undefined where the table records none). */
export function keyDefault(key: string): unknown {
  return DAEMON_KEYS[key]?.default;
}
