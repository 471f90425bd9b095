// The subset of `docker container inspect` that the runtime rules read, parsed once into typed
// data. Values keep the engine's own spelling (capability names as given, "host" modes, bytes) so
// that evidence still matches what `docker inspect` prints; absent keys get the engine's defaults.
import type { EngineObject } from './host-facts.js';
import { bindMounts, publishedPorts, type BindMount, type PortBinding } from './container-bindings.js';

export type { BindMount, PortBinding };

export interface ContainerInspect {
  /** Name without the leading "/". */
  name: string;
  /** The image reference the container was created from (Config.Image, else Image). */
  image: string;
  running: boolean;
  /** State.Health.Status ('' without a health check or before the first probe). */
  health: string;
  labels: Record<string, string>;
  privileged: boolean;
  /** HostConfig.CapAdd / CapDrop as written, null where the engine reports none. */
  capAdd: string[] | null;
  capDrop: string[] | null;
  networkMode: string;
  pidMode: string;
  ipcMode: string;
  utsMode: string;
  usernsMode: string;
  readonlyRootfs: boolean;
  /** Bytes; 0 = unlimited. */
  memory: number;
  /** 0 = the engine default (1024). */
  cpuShares: number;
  /** Null where unset or not a number (0 and -1 also mean unlimited). */
  pidsLimit: number | null;
  restartPolicy: { name: string; retries: number };
  securityOpt: string[];
  devices: { pathOnHost: string; pathInContainer: string; permissions: string }[];
  user: string;
  /** Config.Healthcheck.Test, null where the container sets none of its own. */
  healthcheck: string[] | null;
  ulimits: { name: string; soft: number; hard: number }[];
  /** Names of the networks in NetworkSettings.Networks. */
  networks: string[];
  /** AppArmorProfile: '' where none applies, "unconfined" where switched off. */
  apparmorProfile: string;
  publishAllPorts: boolean;
  ports: PortBinding[];
  binds: BindMount[];
  cgroupParent: string;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const strings = (v: unknown): string[] | null => (Array.isArray(v) ? v.map(String) : null);
const record = (v: unknown): EngineObject => (v && typeof v === 'object' && !Array.isArray(v) ? (v as EngineObject) : {});

export function parseContainerInspect(raw: EngineObject): ContainerInspect {
  const config = record(raw.Config);
  const host = record(raw.HostConfig);
  const restart = record(host.RestartPolicy);
  return {
    name: text(raw.Name ?? raw.Id).replace(/^\//, ''),
    image: text(config.Image ?? raw.Image),
    running: record(raw.State).Running === true,
    health: text(record(record(raw.State).Health).Status),
    labels: record(config.Labels) as Record<string, string>,
    privileged: host.Privileged === true,
    capAdd: strings(host.CapAdd),
    capDrop: strings(host.CapDrop),
    networkMode: text(host.NetworkMode),
    pidMode: text(host.PidMode),
    ipcMode: text(host.IpcMode),
    utsMode: text(host.UTSMode),
    usernsMode: text(host.UsernsMode),
    readonlyRootfs: host.ReadonlyRootfs === true,
    memory: Number(host.Memory ?? 0),
    cpuShares: Number(host.CpuShares ?? 0),
    pidsLimit: typeof host.PidsLimit === 'number' ? host.PidsLimit : null,
    restartPolicy: { name: text(restart.Name), retries: Number(restart.MaximumRetryCount ?? 0) },
    securityOpt: strings(host.SecurityOpt) ?? [],
    devices: (Array.isArray(host.Devices) ? host.Devices : []).map((d: EngineObject) => ({
      // Permissions default to rwm, as for `docker run --device` without a mode.
      pathOnHost: text(d?.PathOnHost),
      pathInContainer: text(d?.PathInContainer),
      permissions: text(d?.CgroupPermissions ?? 'rwm'),
    })),
    user: text(config.User),
    healthcheck: strings(record(config.Healthcheck).Test),
    ulimits: (Array.isArray(host.Ulimits) ? host.Ulimits : []).map((u: EngineObject) => ({
      name: text(u?.Name),
      soft: Number(u?.Soft),
      hard: Number(u?.Hard),
    })),
    networks: Object.keys(record(record(raw.NetworkSettings).Networks)),
    apparmorProfile: text(raw.AppArmorProfile),
    publishAllPorts: host.PublishAllPorts === true,
    ports: publishedPorts(raw, host),
    binds: bindMounts(raw, host),
    cgroupParent: text(host.CgroupParent),
  };
}
