// A create request as the `docker run` command that would make it, so a person reads the
// recreate as they would write it. Before and after come from the same function, so their diff
// shows exactly what the hardening changes. Options are grouped one per line for that diff.
import type { EngineObject } from '../../facts/host-facts.js';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const record = (v: unknown): EngineObject => (v && typeof v === 'object' && !Array.isArray(v) ? (v as EngineObject) : {});
const sorted = (o: EngineObject) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));

/** The argv groups (an option with its value) of `docker run` for a create request and its extra networks. */
export function runGroups(name: string, body: EngineObject, networks: EngineObject = {}): string[][] {
  const hc = record(body.HostConfig);
  const g: string[][] = [['docker', 'run', '--detach', '--name', name]];
  const opt = (flag: string, value: unknown) => g.push([flag, String(value)]);
  const flag = (on: unknown, f: string) => on === true && g.push([f]);
  if (body.Hostname) opt('--hostname', body.Hostname);
  if (body.User) opt('--user', body.User);
  if (body.WorkingDir) opt('--workdir', body.WorkingDir);
  for (const e of strings(body.Env)) opt('--env', e);
  for (const [k, v] of sorted(record(body.Labels))) opt('--label', `${k}=${v}`);
  const health = record(body.Healthcheck);
  if (Array.isArray(health.Test)) opt('--health-cmd', health.Test[0] === 'NONE' ? 'none' : JSON.stringify(health.Test));
  flag(hc.Privileged, '--privileged');
  for (const c of strings(hc.CapDrop)) opt('--cap-drop', c);
  for (const c of strings(hc.CapAdd)) opt('--cap-add', c);
  for (const s of strings(hc.SecurityOpt)) opt('--security-opt', s);
  flag(hc.ReadonlyRootfs, '--read-only');
  for (const [p, o] of sorted(record(hc.Tmpfs))) opt('--tmpfs', o ? `${p}:${o}` : p);
  for (const b of strings(hc.Binds)) opt('--volume', b);
  for (const m of Array.isArray(hc.Mounts) ? hc.Mounts : []) opt('--mount', mountText(record(m)));
  for (const v of strings(hc.VolumesFrom)) opt('--volumes-from', v);
  networkGroups(g, hc, record(record(body.NetworkingConfig).EndpointsConfig), networks);
  for (const [port, list] of sorted(record(hc.PortBindings))) {
    for (const b of Array.isArray(list) ? list : [])
      opt('--publish', `${b.HostIp ? `${String(b.HostIp).includes(':') ? `[${b.HostIp}]` : b.HostIp}:` : ''}${b.HostPort ?? ''}:${port}`);
  }
  flag(hc.PublishAllPorts, '--publish-all');
  for (const d of strings(hc.Dns)) opt('--dns', d);
  for (const d of strings(hc.DnsSearch)) opt('--dns-search', d);
  for (const d of strings(hc.DnsOptions)) opt('--dns-option', d);
  for (const h of strings(hc.ExtraHosts)) opt('--add-host', h);
  for (const d of Array.isArray(hc.Devices) ? hc.Devices : []) opt('--device', `${d.PathOnHost}:${d.PathInContainer}:${d.CgroupPermissions}`);
  for (const u of Array.isArray(hc.Ulimits) ? hc.Ulimits : []) opt('--ulimit', `${u.Name}=${u.Soft}:${u.Hard}`);
  for (const [mode, f] of [
    ['PidMode', '--pid'],
    ['IpcMode', '--ipc'],
    ['UTSMode', '--uts'],
    ['UsernsMode', '--userns'],
  ] as const) {
    if (hc[mode]) opt(f, hc[mode]);
  }
  if (Number(hc.Memory) > 0) opt('--memory', hc.Memory);
  if (Number(hc.MemorySwap) > 0) opt('--memory-swap', hc.MemorySwap);
  if (Number(hc.CpuShares) > 0) opt('--cpu-shares', hc.CpuShares);
  if (Number(hc.PidsLimit) > 0) opt('--pids-limit', hc.PidsLimit);
  const restart = record(hc.RestartPolicy);
  if (restart.Name && restart.Name !== 'no')
    opt('--restart', restart.Name === 'on-failure' && restart.MaximumRetryCount ? `on-failure:${restart.MaximumRetryCount}` : restart.Name);
  flag(hc.AutoRemove, '--rm');
  flag(hc.Init, '--init');
  const log = record(hc.LogConfig);
  if (log.Type) opt('--log-driver', log.Type);
  for (const [k, v] of sorted(record(log.Config))) opt('--log-opt', `${k}=${v}`);
  const entrypoint = strings(body.Entrypoint);
  if (entrypoint.length > 0) opt('--entrypoint', entrypoint[0]);
  g.push([String(body.Image), ...entrypoint.slice(1), ...strings(body.Cmd)]);
  return g;
}

/** The flat argv of the same command. */
export const runArgv = (name: string, body: EngineObject, networks?: EngineObject): string[] => runGroups(name, body, networks).flat();

function networkGroups(g: string[][], hc: EngineObject, primary: EngineObject, extra: EngineObject): void {
  const mode = String(hc.NetworkMode ?? '');
  if (mode && mode !== 'default') g.push(['--network', mode]);
  // The first network's settings as docker run takes them; each further one as its connect options.
  for (const ep of Object.values(primary)) {
    const e = record(ep);
    for (const a of strings(e.Aliases)) g.push(['--network-alias', a]);
    const ipam = record(e.IPAMConfig);
    if (ipam.IPv4Address) g.push(['--ip', String(ipam.IPv4Address)]);
    if (ipam.IPv6Address) g.push(['--ip6', String(ipam.IPv6Address)]);
  }
  for (const [name, ep] of sorted(extra)) {
    const e = record(ep);
    const ipam = record(e.IPAMConfig);
    const opts = [
      ...strings(e.Aliases).map((a) => `alias=${a}`),
      ...(ipam.IPv4Address ? [`ip=${ipam.IPv4Address}`] : []),
      ...(ipam.IPv6Address ? [`ip6=${ipam.IPv6Address}`] : []),
    ];
    g.push(['--network', [`name=${name}`, ...opts].join(',')]);
  }
}

function mountText(m: EngineObject): string {
  const parts = [`type=${m.Type}`, ...(m.Source ? [`source=${m.Source}`] : []), `target=${m.Target}`];
  if (m.ReadOnly) parts.push('readonly');
  const propagation = record(m.BindOptions).Propagation;
  if (propagation) parts.push(`bind-propagation=${propagation}`);
  return parts.join(',');
}
