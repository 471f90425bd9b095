// The section-5 fixes as create-request fields. Each WorkloadItem's fix() says what closes it in
// Compose keys; a container made anew takes the same settings as Engine API fields, so the
// Compose key is the one vocabulary both the override and the recreate read. A key without a
// translation here (advice only: ports below 1024, devices, propagation, seccomp) stays advice.
import type { EngineObject } from '../../facts/host-facts.js';
import { capNames, parseSecurityOpt } from '../../rules/workload/workload-spec.js';
import { isWildcardIp } from '../../rules/section5/host-bindings.js';

/** What a translation may read besides the Compose value: the container as it was and the profile. */
export interface FieldContext {
  body: EngineObject & { HostConfig: EngineObject };
  bindHostIp: string;
  /** Container ports below 1024 it serves, so cap_drop ALL keeps NET_BIND_SERVICE. */
  lowPorts: string[];
  /** Networks the container should leave for its own: set by network_mode. */
  leaveNetwork: () => void;
}

type Translate = (value: unknown, ctx: FieldContext) => void;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** docker's size units (b, k, m, g; 1024-based) as bytes. */
export function sizeBytes(size: string): number {
  const m = /^(\d+)\s*([bkmg]?)$/i.exec(size.trim());
  if (!m) return Number.NaN;
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as 'b'];
  return Number(m[1]) * unit;
}

/** The security options with every entry of the same key replaced by `opt`. */
function withSecurityOpt(current: unknown, opt: string): string[] {
  const key = parseSecurityOpt(opt).key;
  return [...strings(current).filter((o) => parseSecurityOpt(o).key !== key), opt];
}

const host = (ctx: FieldContext) => ctx.body.HostConfig;

export const CREATE_FIELDS: Record<string, Translate> = {
  privileged: (v, ctx) => {
    host(ctx).Privileged = v === true;
  },
  cap_drop: (v, ctx) => {
    host(ctx).CapDrop = strings(v);
    // Dropping ALL starts from nothing: what it keeps comes from cap_add, which follows.
    if (capNames(strings(v)).includes('ALL')) host(ctx).CapAdd = [];
  },
  cap_add: (v, ctx) => {
    host(ctx).CapAdd = strings(v);
  },
  security_opt: (v, ctx) => {
    // Compose writes "no-new-privileges:true"; the engine's own spelling is key=value.
    for (const opt of strings(v)) host(ctx).SecurityOpt = withSecurityOpt(host(ctx).SecurityOpt, opt.replace(/^([^=:]+):/, '$1='));
  },
  read_only: (v, ctx) => {
    host(ctx).ReadonlyRootfs = v === true;
  },
  tmpfs: (v, ctx) => {
    // A path already mounted (a volume at /run, say) keeps its mount; a tmpfs over it would hide its data.
    const taken = new Set(mountTargets(ctx.body));
    const tmpfs = { ...(host(ctx).Tmpfs ?? {}) } as Record<string, string>;
    for (const p of strings(v)) if (!taken.has(p) && !(p in tmpfs)) tmpfs[p] = '';
    host(ctx).Tmpfs = tmpfs;
  },
  mem_limit: (v, ctx) => {
    const bytes = sizeBytes(String(v));
    host(ctx).Memory = bytes;
    // As `docker run --memory` does: swap up to the same amount again.
    host(ctx).MemorySwap = bytes * 2;
  },
  cpu_shares: (v, ctx) => {
    host(ctx).CpuShares = Number(v);
  },
  pids_limit: (v, ctx) => {
    host(ctx).PidsLimit = Number(v);
  },
  restart: (v, ctx) => {
    const [name, retries] = String(v).split(':');
    host(ctx).RestartPolicy = { Name: name, MaximumRetryCount: Number(retries ?? 0) };
  },
  healthcheck: (v, ctx) => {
    const test = (v as { test?: unknown }).test;
    ctx.body.Healthcheck = { ...(ctx.body.Healthcheck ?? {}), Test: strings(test) };
  },
  ports: (_v, ctx) => {
    // The requested bindings, each wildcard one re-pointed at the profile's address.
    const bindings = (host(ctx).PortBindings ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[] | null>;
    host(ctx).PortBindings = Object.fromEntries(
      Object.entries(bindings).map(([port, list]) => [port, (list ?? []).map((b) => (isWildcardIp(b.HostIp ?? '') ? { ...b, HostIp: ctx.bindHostIp } : b))]),
    );
  },
  network_mode: (_v, ctx) => ctx.leaveNetwork(),
  pid: (_v, ctx) => {
    host(ctx).PidMode = '';
  },
  ipc: (_v, ctx) => {
    host(ctx).IpcMode = 'private';
  },
  uts: (_v, ctx) => {
    host(ctx).UTSMode = '';
  },
  userns_mode: (_v, ctx) => {
    host(ctx).UsernsMode = '';
  },
};

/** Where the create request mounts something: -v, --mount and --tmpfs targets. */
export function mountTargets(body: EngineObject & { HostConfig: EngineObject }): string[] {
  const hc = body.HostConfig;
  const binds = strings(hc.Binds).map((b) => (b.split(':').length === 1 ? b : b.split(':')[1]));
  const mounts = (Array.isArray(hc.Mounts) ? hc.Mounts : []).map((m: EngineObject) => String(m.Target));
  return [...binds, ...mounts, ...Object.keys(hc.Tmpfs ?? {})];
}

/** cap_drop ALL takes NET_BIND_SERVICE away; a container serving a port below 1024 keeps it. */
export function keepLowPortCapability(ctx: FieldContext): void {
  const hc = host(ctx);
  if (ctx.lowPorts.length === 0 || !capNames(strings(hc.CapDrop)).includes('ALL')) return;
  const add = strings(hc.CapAdd);
  if (!capNames(add).includes('NET_BIND_SERVICE')) hc.CapAdd = [...add, 'NET_BIND_SERVICE'];
}
