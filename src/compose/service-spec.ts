// A Compose service definition read as the WorkloadSpec the section-5 items judge: the settings
// of the container Compose would create from it, in the engine's terms (truthy YAML booleans,
// the restart policy whichever key holds it, deploy.resources.limits as a fallback).
import { PROPAGATIONS, type BindMount } from '../facts/container-bindings.js';
import type { HostFacts } from '../facts/host-facts.js';
import { interpolated, parsePort } from '../rules/workload/port-entries.js';
import type { PublishedPort, WorkloadSpec } from '../rules/workload/workload-spec.js';
import { findImage } from './image-facts.js';
import type { ServiceDef } from './merge-services.js';
import { asList } from './merge-services.js';
import { parseVolume } from './volumes.js';
import { deployLimits, healthcheck, restartPolicy, serviceImage, truthy } from './service-reading.js';

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const listOrNull = (v: unknown): string[] | null => (v === undefined || v === null ? null : asList(v).map(String));

/** cpu_shares as the engine gets it: unset is 0, a non-numeric value decides nothing (NaN). */
function cpuShares(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  return /^\d+$/.test(String(v)) ? Number(v) : NaN;
}

/** "host[:container[:perms]]"; a long-syntax entry is kept whole and counted as writable (rwm). */
function device(d: unknown): WorkloadSpec['devices'][number] {
  if (typeof d !== 'string') return { pathOnHost: String(d), pathInContainer: '', permissions: 'rwm', source: String(d) };
  const [host, container, perms] = d.split(':');
  return { pathOnHost: host, pathInContainer: container ?? host, permissions: perms ?? 'rwm', source: d };
}

/** Each readable `ports:` entry, kept as written for the fix that rewrites the list. */
function ports(def: ServiceDef): PublishedPort[] {
  return asList(def.ports).flatMap((entry) => {
    const p = parsePort(entry);
    // An entry this tool cannot read is kept for the rewritten list but never judged.
    if (!p) return [{ containerPort: '', hostIp: '', hostPort: '', origin: 'ports', entry, unjudged: true }];
    const containerPort = p.protocol ? `${p.target}/${p.protocol}` : p.target;
    return [{ containerPort, hostIp: p.hostIp ?? '', hostPort: p.published ?? '', origin: 'ports', entry, unjudged: interpolated(entry) }];
  });
}

/** Bind entries of `volumes:`; a source only Compose can resolve (~, no project directory) stays as written. */
function binds(def: ServiceDef, projectDir: string | null): BindMount[] {
  return asList(def.volumes).flatMap((entry) => {
    const v = parseVolume(entry, projectDir);
    if (v?.kind !== 'bind') return [];
    const long = entry && typeof entry === 'object' ? (entry as Record<string, any>) : null;
    const options = long ? [String(long.bind?.propagation ?? '')] : (String(entry).split(':')[2] ?? '').split(',');
    const source = v.source ?? String(long ? long.source : String(entry).split(':')[0]);
    return [{ source, destination: v.target, rw: !v.readOnly, propagation: options.find((o) => PROPAGATIONS.has(o)) ?? '', origin: 'volumes' }];
  });
}

/** The service's own health check, else the one its image carries where the engine has the image. */
function healthcheckOf(def: ServiceDef, facts: HostFacts | undefined): WorkloadSpec['healthcheck'] {
  const own = healthcheck(def);
  if (own.test || own.disabled || !facts) return own;
  const inherited: unknown = findImage(facts, serviceImage(def))?.Config?.Healthcheck?.Test;
  return { test: Array.isArray(inherited) && inherited.length > 0 ? inherited : null, disabled: false };
}

export function serviceSpec(project: string, service: string, def: ServiceDef, facts?: HostFacts, projectDir: string | null = null): WorkloadSpec {
  const limits = deployLimits(def);
  const pids = Number(def.pids_limit ?? limits?.pids ?? 0);
  const { name, retries } = restartPolicy(def);
  return {
    kind: 'service',
    who: `Service ${project}/${service}`,
    name: `${project}/${service}`,
    composeService: null,
    image: serviceImage(def),
    running: false,
    privileged: truthy(def.privileged),
    capAdd: listOrNull(def.cap_add),
    capDrop: listOrNull(def.cap_drop),
    namespaces: { network: text(def.network_mode), pid: text(def.pid), ipc: text(def.ipc), uts: text(def.uts), userns: text(def.userns_mode) },
    networks: [],
    readOnlyRootfs: truthy(def.read_only),
    cpuShares: cpuShares(def.cpu_shares),
    memory: (def.mem_limit || limits?.memory || null) as string | number | null,
    pidsLimit: Number.isFinite(pids) ? pids : null,
    restart: { name, retries },
    securityOpt: asList(def.security_opt).map(String),
    apparmorProfile: null,
    ports: ports(def),
    binds: binds(def, projectDir),
    lowPortReason: null,
    devices: asList(def.devices).map(device),
    user: text(def.user),
    healthcheck: healthcheckOf(def, facts),
    healthStatus: '',
  };
}
