// Why a daemon.json key must not be written on this host: dockerd would refuse to start, or
// running workloads would break (reference/daemon-json.md §2–§3). Pure: reads facts only.
import type { HostFacts } from '../facts/host-facts.js';
import type { EffectiveConfig } from '../facts/effective-config.js';
import { REMOVED_STORAGE_DRIVERS, DAEMON_KEYS, keyType } from '../facts/daemon-keys.js';
import { keyKnownTo, removedIn } from './daemon-keys.js';
import { checkJsonType } from './json-types.js';
import { atLeast, describeVersion, type EngineVersion } from './engine-version.js';
import { lacksBrNetfilter, remapLacksSubordinateIds, ulimitsBreakContainers } from './daemon-fit.js';

export interface GuardContext {
  facts: HostFacts;
  version: EngineVersion | null;
  effective: EffectiveConfig;
}

export interface GuardVerdict {
  refuse?: string;
  warn?: string;
}

export function guardKey(key: string, value: unknown, ctx: GuardContext): GuardVerdict {
  const dockerd = describeVersion(ctx.version);
  const gone = removedIn(key, ctx.version);
  if (gone) return { refuse: `${dockerd} refuses to start with "${key}" in daemon.json (removed in ${gone}); not written.` };
  if (!keyKnownTo(key, ctx.version)) {
    const since = DAEMON_KEYS[key]?.since;
    return {
      refuse: since
        ? `${dockerd} does not know the daemon.json key "${key}" (added in ${since}) and would refuse to start; not written.`
        : `"${key}" is not a daemon.json key dockerd accepts; it would refuse to start; not written.`,
    };
  }
  const flag = ctx.effective.flags.get(key);
  // "hosts" already in both places: the plan's ExecStart rewrite drops the -H flags, so daemon.json's list is the one to edit.
  const settled = key === 'hosts' && ctx.effective.conflicts.includes(key);
  if (flag && !settled) {
    return {
      refuse:
        `"${key}" is already set by the flag \`${flag.raw.join(' ')}\` (${flagSource(ctx, key)}); dockerd refuses to start when an ` +
        `option is both a flag and in daemon.json, so it is not written — change the flag instead.`,
    };
  }
  const typeError = checkJsonType(keyType(key) ?? 'object', value);
  if (typeError) return { refuse: `daemon.json "${key}" ${typeError}; not written.` };
  return guardWorkloads(key, value, ctx);
}

/** Combinations that start fine but break the swarm, containers or the bridge network. */
function guardWorkloads(key: string, value: unknown, ctx: GuardContext): GuardVerdict {
  const info = ctx.facts.engine?.info;
  if (key === 'live-restore' && value === true && ['active', 'pending', 'locked'].includes(info?.Swarm?.LocalNodeState)) {
    return { refuse: 'live-restore is incompatible with swarm mode and this node is in a swarm: dockerd would exit at the next restart; not written.' };
  }
  if (key === 'userns-remap' && typeof value === 'string' && value !== '') {
    const hostShared = sharesHostNamespaces(ctx.facts);
    if (hostShared.length > 0) {
      const names = hostShared.slice(0, 3).join(', ') + (hostShared.length > 3 ? `, and ${hostShared.length - 3} more` : '');
      return { refuse: `userns-remap would stop containers that are privileged or share host namespaces from starting (${names}); not written.` };
    }
  }
  if (key === 'icc' && value === false && ctx.effective.get('iptables')?.value === false) {
    return { refuse: `icc: false needs iptables, which is off (${ctx.effective.get('iptables')!.evidence}); dockerd would refuse to start; not written.` };
  }
  if (key === 'storage-driver' && typeof value === 'string' && REMOVED_STORAGE_DRIVERS[value] && atLeast(ctx.version, REMOVED_STORAGE_DRIVERS[value])) {
    return { refuse: `the ${value} storage driver was removed in ${REMOVED_STORAGE_DRIVERS[value]}; not written.` };
  }
  if (((key === 'icc' && value === false) || (key === 'userland-proxy' && value === false)) && atLeast(ctx.version, '28.0')) {
    const missing = lacksBrNetfilter(ctx.facts, key, ctx.version);
    return missing
      ? { refuse: missing }
      : { warn: `${key}: false needs the br_netfilter kernel module on dockerd 28 and later; without it the default bridge fails to start.` };
  }
  return guardDaemonFit(key, value, ctx);
}

/** Settings the daemon starts with but that stop every container: beyond its own limits or missing host ids. */
function guardDaemonFit(key: string, value: unknown, ctx: GuardContext): GuardVerdict {
  const why =
    key === 'default-ulimits'
      ? ulimitsBreakContainers(ctx.facts, value)
      : key === 'userns-remap' && typeof value === 'string' && value !== ''
        ? remapLacksSubordinateIds(ctx.facts, value)
        : null;
  return why ? { refuse: why } : {};
}

/** Names of containers that cannot run under userns-remap. */
export function sharesHostNamespaces(facts: HostFacts): string[] {
  const out: string[] = [];
  for (const c of facts.engine?.containers ?? []) {
    const h = c.HostConfig ?? {};
    const shared = h.Privileged === true || [h.NetworkMode, h.PidMode, h.IpcMode, h.UTSMode, h.UsernsMode].includes('host');
    if (shared) out.push(String(c.Name ?? c.Id ?? '?').replace(/^\//, ''));
  }
  return out.sort();
}

export function flagSource(ctx: Pick<GuardContext, 'facts' | 'effective'>, key?: string): string {
  // The variable of an environment file (DOCKER_OPTS in /etc/default/docker) is where to change it.
  const origin = key === undefined ? undefined : ctx.effective.origin(key)?.variable ? ctx.effective.origin(key) : undefined;
  if (ctx.effective.argsSource === 'process')
    return `command line of the running dockerd, pid ${ctx.facts.dockerd?.pid}${origin ? `, from ${origin.text}` : ''}`;
  if (origin) return origin.text;
  const unit = ctx.facts.systemd.service;
  const env = unit?.content.includes('EnvironmentFile') ? ' with its EnvironmentFile' : '';
  return `ExecStart of ${unit?.path ?? 'docker.service'}${unit?.dropIns.length ? ' and its drop-ins' : ''}${env}`;
}
