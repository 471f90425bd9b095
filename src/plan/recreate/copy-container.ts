// A faithful copy of a container as an Engine API create request: everything its inspect data
// says it was created with, so the new container differs from the old one only where the
// hardening changes it. Config and HostConfig are copied whole (inspect returns them in the shape
// create takes, for the same API version); only what the engine derives or what would point at
// the old container is dropped, and volumes are named so the new container mounts the same data.
import type { EngineObject } from '../../facts/host-facts.js';

export interface ContainerCopy {
  /** POST /containers/create body. */
  create: { HostConfig: EngineObject; NetworkingConfig: { EndpointsConfig: EngineObject } } & EngineObject;
  /** Networks beyond the one in HostConfig.NetworkMode, as EndpointsConfig entries, to connect after create. */
  networks: EngineObject;
}

const record = (v: unknown): EngineObject => (v && typeof v === 'object' && !Array.isArray(v) ? (v as EngineObject) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Network modes that are not a network of their own: no endpoint settings to carry over. */
export const BUILTIN_MODES = new Set(['default', 'bridge', 'host', 'none']);

/** The network a container's endpoint for its mode is listed under in NetworkSettings.Networks. */
export const modeNetwork = (mode: string): string => (mode === 'default' ? 'bridge' : mode);

export function copyContainer(raw: EngineObject): ContainerCopy {
  const shortId = String(raw.Id ?? '').slice(0, 12);
  const { Hostname, ...config } = structuredClone(record(raw.Config));
  // The image by id: a tag moved since the old container was made changes nothing.
  config.Image = raw.Image ?? config.Image;
  // The engine names a container's host after its id unless told otherwise; a new id, a new name.
  if (Hostname && Hostname !== shortId) config.Hostname = Hostname;
  // The engine derives these (masked paths from privileged and the security options) or they belong to the CLI.
  const { ContainerIDFile: _file, MaskedPaths: _masked, ReadonlyPaths: _ro, ...hostConfig } = structuredClone(record(raw.HostConfig));
  nameVolumes(raw, hostConfig);
  const mode = String(hostConfig.NetworkMode ?? 'default');
  const endpoints = record(record(raw.NetworkSettings).Networks);
  const primary = BUILTIN_MODES.has(mode) || mode.startsWith('container:') ? null : mode;
  const networks: EngineObject = {};
  for (const [name, ep] of Object.entries(endpoints)) {
    if (name === modeNetwork(mode)) continue;
    // Host, none and another container's namespace take no further networks.
    if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) continue;
    networks[name] = endpointConfig(ep, shortId);
  }
  const primaryEndpoint = primary && endpoints[primary] ? { [primary]: endpointConfig(endpoints[primary], shortId) } : {};
  return { create: { ...config, HostConfig: hostConfig, NetworkingConfig: { EndpointsConfig: primaryEndpoint } }, networks };
}

/** Aliases, static addresses, links and driver options of one endpoint; the engine adds the short id alias itself. */
export function endpointConfig(ep: EngineObject, shortId: string): EngineObject {
  const out: EngineObject = {};
  const ipam = record(ep.IPAMConfig);
  const addresses = Object.fromEntries(Object.entries(ipam).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : Boolean(v))));
  if (Object.keys(addresses).length > 0) out.IPAMConfig = addresses;
  const aliases = list(ep.Aliases).filter((a) => a !== shortId);
  if (aliases.length > 0) out.Aliases = aliases;
  if (list(ep.Links).length > 0) out.Links = ep.Links;
  if (Object.keys(record(ep.DriverOpts)).length > 0) out.DriverOpts = ep.DriverOpts;
  return out;
}

/** Destination of a -v entry ("src:dst[:opts]" or "dst"). */
export const bindTarget = (bind: string): string => {
  const parts = bind.split(':');
  return parts.length === 1 ? parts[0] : parts[1];
};

/**
 * Every volume the old container mounts, mounted by name in the new one: named volumes already
 * are; anonymous ones (`-v /data`, an image VOLUME, `--mount type=volume` without a source) would
 * otherwise be made anew, empty, and their data left behind.
 */
function nameVolumes(raw: EngineObject, hostConfig: EngineObject): void {
  const binds = list(hostConfig.Binds).map(String);
  const mounts = list(hostConfig.Mounts).map((m) => record(m));
  const covered = new Set([...binds.map(bindTarget), ...mounts.filter((m) => m.Source).map((m) => String(m.Target))]);
  for (const m of list(raw.Mounts).map((x) => record(x))) {
    if (m.Type !== 'volume' || !m.Name || covered.has(String(m.Destination))) continue;
    const declared = mounts.find((d) => d.Target === m.Destination);
    if (declared) declared.Source = m.Name;
    else binds.push(`${m.Name}:${m.Destination}${m.RW === false ? ':ro' : ''}`);
  }
  if (binds.length > 0) hostConfig.Binds = binds;
  if (mounts.length > 0) hostConfig.Mounts = mounts;
}
