// A container's faithful copy with the profile's section-5 fixes applied: the items the profile
// selects judge the container as the audit does (the same WorkloadSpec), each failing item's
// fix() is turned into create fields, and the result is judged again, so `closes` lists only what
// the new container really passes.
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import type { HardeningParams } from '../../rules/params.js';
import { containerView, type ContainerView } from '../../rules/section5/support.js';
import { isSensitiveSource } from '../../rules/section5/5-6-no-sensitive-host-mounts.js';
import { fixFor } from '../../rules/section5/workload-items.js';
import { BUILTIN_MODES, copyContainer, modeNetwork, type ContainerCopy } from './copy-container.js';
import { CREATE_FIELDS, keepLowPortCapability, type FieldContext } from './create-fields.js';
import { RECREATE_ITEMS } from './recreate-items.js';

export interface HardenedContainer extends ContainerCopy {
  /** The copy before hardening, for the run-command diff. */
  original: ContainerCopy;
  createNetworks: string[];
  closes: string[];
  /** What the new container will do differently that its owner should know (ports it publishes now). */
  notes: string[];
  /** Something only a new container can change; without it `docker update` does the job in place. */
  needsRecreate: boolean;
}

const portNumber = (key: string): number => Number.parseInt(key, 10);

export function hardenContainer(view: ContainerView, facts: HostFacts, selected: ReadonlySet<string>, params: HardeningParams): HardenedContainer {
  const copy = copyContainer(view.raw);
  const original = structuredClone(copy);
  const body = copy.create;
  const networks = copy.networks;
  const createNetworks: string[] = [];
  const notes: string[] = [];
  const exposed = Object.keys(body.ExposedPorts ?? {});
  const ctx: FieldContext = {
    body,
    bindHostIp: params.bindHostIp,
    lowPorts: [...exposed, ...Object.keys(body.HostConfig.PortBindings ?? {})].filter((p) => portNumber(p) > 0 && portNumber(p) < 1024),
    leaveNetwork: () => leaveNetwork(view, body, networks, createNetworks, notes, params.bindHostIp),
  };
  const items = RECREATE_ITEMS.filter((item) => selected.has(item.id));
  const failing = items.filter((item) => item.fixes.includes(item.judge(view.spec, facts).status));
  let needsRecreate = false;
  for (const item of failing) {
    const fix = fixFor(item, view.spec, facts, params);
    const fields = (fix?.compose ?? []).filter(({ key }) => key in CREATE_FIELDS);
    for (const { key, value } of fields) CREATE_FIELDS[key](value, ctx);
    if (fields.length > 0 && !fix?.update) needsRecreate = true;
  }
  keepLowPortCapability(ctx);
  if (selected.has('5.6') && readOnlySensitiveMounts(body.HostConfig)) needsRecreate = true;
  const after = containerView(inspectOf(view.raw, body, networks));
  const closes = failing.filter((item) => item.judge(after.spec, facts).status === 'pass').map((item) => item.id);
  return { create: body, networks, original, createNetworks, closes, notes, needsRecreate };
}

/**
 * Off the host network or docker0, onto a user-defined network: another one it already joins,
 * else its own `<name>-net` (which apply creates). Leaving the host network, it publishes the
 * ports its image declares on the profile's address, since nothing reaches it otherwise.
 */
function leaveNetwork(view: ContainerView, body: ContainerCopy['create'], networks: EngineObject, create: string[], notes: string[], bindHostIp: string): void {
  const hc = body.HostConfig;
  const mode = String(hc.NetworkMode ?? 'default');
  delete networks.bridge;
  const others = Object.keys(networks).filter((n) => !BUILTIN_MODES.has(n));
  const primary = others[0] ?? `${view.name}-net`;
  if (others.length === 0) create.push(primary);
  body.NetworkingConfig = { EndpointsConfig: { [primary]: networks[primary] ?? {} } };
  delete networks[primary];
  hc.NetworkMode = primary;
  if (mode !== 'host') return;
  // On the host network the container's host name is the host's own.
  delete body.Hostname;
  const ports = Object.keys(body.ExposedPorts ?? {});
  hc.PortBindings = Object.fromEntries(ports.map((p) => [p, [{ HostIp: bindHostIp, HostPort: String(portNumber(p)) }]]));
  notes.push(
    ports.length > 0
      ? `it leaves the host network and publishes ${ports.join(', ')} on ${bindHostIp}; ports it listened on beyond those its image declares are no longer reachable.`
      : 'it leaves the host network, and its image declares no ports, so it publishes none: clients that reached it on the host network no longer do.',
  );
}

/** Binds of the host's system directories become read-only (5.6 then warns instead of failing); true when one did. */
function readOnlySensitiveMounts(hc: EngineObject): boolean {
  let changed = false;
  if (Array.isArray(hc.Binds)) {
    hc.Binds = hc.Binds.map((b: string) => {
      const [source, target, opts] = b.split(':');
      const flags = (opts ?? '').split(',').filter((o) => o !== '');
      if (target === undefined || !source.startsWith('/') || !isSensitiveSource(source) || flags.includes('ro')) return b;
      changed = true;
      return `${source}:${target}:${['ro', ...flags.filter((o) => o !== 'rw')].join(',')}`;
    });
  }
  for (const m of (Array.isArray(hc.Mounts) ? hc.Mounts : []) as EngineObject[]) {
    if (m.Type === 'bind' && isSensitiveSource(String(m.Source)) && m.ReadOnly !== true) {
      m.ReadOnly = true;
      changed = true;
    }
  }
  return changed;
}

/** Inspect data as the engine would report the new container before it starts, for judging it. */
function inspectOf(raw: EngineObject, body: ContainerCopy['create'], networks: EngineObject): EngineObject {
  const { HostConfig, NetworkingConfig, ...config } = body;
  const apparmor = (HostConfig.SecurityOpt as string[] | undefined)?.map((o) => /^apparmor[=:](.*)$/.exec(o)?.[1]).find(Boolean);
  return {
    Id: raw.Id,
    Name: raw.Name,
    Image: body.Image,
    Config: config,
    HostConfig,
    State: raw.State,
    AppArmorProfile: apparmor ?? (raw.HostConfig?.Privileged && !HostConfig.Privileged ? 'docker-default' : raw.AppArmorProfile),
    NetworkSettings: {
      Networks: {
        ...NetworkingConfig.EndpointsConfig,
        ...networks,
        ...(BUILTIN_MODES.has(String(HostConfig.NetworkMode)) ? { [modeNetwork(String(HostConfig.NetworkMode))]: {} } : {}),
      },
    },
    Mounts: [],
  };
}
