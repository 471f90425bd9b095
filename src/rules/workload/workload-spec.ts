// What one workload asks the engine for, whether it exists as a container (read from inspect
// data) or only as a Compose service definition (read from YAML, src/compose/service-spec.ts).
// The section-5 items judge and fix this shape, so one decision serves every kind of workload.
import type { BindMount, ContainerInspect, PortBinding } from '../../facts/container-inspect.js';

/** A published port; a service's carries its `ports:` entry as written, which its fix rewrites. */
export interface PublishedPort extends PortBinding {
  entry?: unknown;
  /** An entry only Compose can read (${VAR} interpolation): kept as written, never judged. */
  unjudged?: boolean;
}

export type NamespaceKind = 'network' | 'pid' | 'ipc' | 'uts' | 'userns';

export interface WorkloadSpec {
  kind: 'container' | 'service';
  /** How messages name it: "Container web", "Service app-db/api". */
  who: string;
  /** The container name, or "project/service". */
  name: string;
  /** "project/service" of a compose-managed container, for advice that names where to change it. */
  composeService: string | null;
  /** Image reference as written ('' where a service is built locally). */
  image: string;
  /** A service has no container yet, so it is never running. */
  running: boolean;
  privileged: boolean;
  /** Capabilities as written (CAP_ prefix and case as given); null where none are listed. */
  capAdd: string[] | null;
  capDrop: string[] | null;
  /** "host" where the host's namespace is shared; '' for the engine default. */
  namespaces: Record<NamespaceKind, string>;
  /** Engine networks it is attached to; [] for a service, whose networks Compose creates per project. */
  networks: string[];
  readOnlyRootfs: boolean;
  /** 0 and 1024 both mean the engine default; NaN where the value is not a number. */
  cpuShares: number;
  /** A memory limit as the source states it (bytes from the engine, "512m" from YAML); null = none. */
  memory: number | string | null;
  /** Null or <= 0 = unlimited. */
  pidsLimit: number | null;
  /** '' where no policy is set. */
  restart: { name: string; retries: number };
  securityOpt: string[];
  /**
   * The AppArmor profile in force: '' where none applies; null for a service, whose profile the
   * engine picks when it creates the container.
   */
  apparmorProfile: string | null;
  ports: PublishedPort[];
  binds: BindMount[];
  /**
   * Why a fix that drops ALL keeps NET_BIND_SERVICE (the Compose override adds it for a service that
   * listens below 1024), or null.
   */
  lowPortReason: string | null;
  /** Host devices; `source` is the entry as written (a service's YAML item), for advice. */
  devices: { pathOnHost: string; pathInContainer: string; permissions: string; source: string }[];
  user: string;
  /**
   * The health check it runs: its own test, else the image's (a container's inspect data already
   * holds the merged one); null where there is none; disabled = NONE / disable: true.
   */
  healthcheck: { test: unknown[] | null; disabled: boolean };
  /** The engine's last health status ('' for a service, or before the first probe). */
  healthStatus: string;
}

/** Capability names as the kernel knows them: upper case, without CAP_. */
export const capName = (cap: unknown): string => String(cap).trim().toUpperCase().replace(/^CAP_/, '');
export const capNames = (list: readonly unknown[] | null): string[] => (list ?? []).map(capName);

export function containerSpec(c: ContainerInspect): WorkloadSpec {
  return {
    kind: 'container',
    who: `Container ${c.name}`,
    name: c.name,
    composeService: c.labels['com.docker.compose.service'] ? `${c.labels['com.docker.compose.project']}/${c.labels['com.docker.compose.service']}` : null,
    image: c.image,
    running: c.running,
    privileged: c.privileged,
    capAdd: c.capAdd,
    capDrop: c.capDrop,
    namespaces: { network: c.networkMode, pid: c.pidMode, ipc: c.ipcMode, uts: c.utsMode, userns: c.usernsMode },
    networks: c.networks,
    readOnlyRootfs: c.readonlyRootfs,
    cpuShares: c.cpuShares,
    memory: c.memory > 0 ? c.memory : null,
    pidsLimit: c.pidsLimit,
    restart: c.restartPolicy,
    securityOpt: c.securityOpt,
    apparmorProfile: c.apparmorProfile,
    ports: c.ports,
    binds: c.binds,
    lowPortReason: null,
    devices: c.devices.map((d) => ({ ...d, source: d.pathOnHost })),
    user: c.user,
    healthcheck: { test: c.healthcheck, disabled: c.healthcheck?.[0] === 'NONE' },
    healthStatus: c.health,
  };
}

export interface SecurityOpt {
  key: string;
  value: string | null;
  raw: unknown;
}

/** The container's or service's security options split as dockerd splits them. */
export const securityOptions = (w: WorkloadSpec): SecurityOpt[] => w.securityOpt.map(parseSecurityOpt);

/** How advice names it: a compose-managed container also names its service. */
export const adviceName = (w: WorkloadSpec): string => (w.composeService ? `${w.who} (compose service ${w.composeService})` : w.who);

/** "key=value", the deprecated "key:value", or a bare key, as dockerd's parseSecurityOpt reads them. */
export function parseSecurityOpt(raw: unknown): SecurityOpt {
  const text = String(raw);
  const m = /^([^=:]+)[=:](.*)$/s.exec(text);
  return m ? { key: m[1].trim().toLowerCase(), value: m[2].trim(), raw } : { key: text.trim().toLowerCase(), value: null, raw };
}
