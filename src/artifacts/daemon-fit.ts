// Settings dockerd accepts but that stop every container on this host: ulimits above the daemon's
// own hard limits (raising a hard limit needs CAP_SYS_RESOURCE, so runc fails with "error setting
// rlimit"), userns-remap for a user without subordinate ids (dockerd refuses to start), and
// icc/userland-proxy off on Docker 28+ without br_netfilter. Pure: reads facts only.
import type { HostFacts, SubordinateIdRange } from '../facts/host-facts.js';
import { ulimitCeiling } from '../facts/daemon-limits.js';
import { atLeast, type EngineVersion } from './engine-version.js';

/** Why a default-ulimits value would stop containers, or null. */
export function ulimitsBreakContainers(facts: HostFacts, value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  for (const [name, u] of Object.entries(value as Record<string, { Hard?: unknown }>)) {
    const ceiling = ulimitCeiling(facts, name);
    if (ceiling && typeof u?.Hard === 'number' && u.Hard > ceiling.hard) {
      return `default-ulimits ${name} Hard ${u.Hard} is above what the daemon can grant: ${ceiling.why}, so every container would fail to start ("error setting rlimit"); not written.`;
    }
  }
  return null;
}

/** Why userns-remap would stop dockerd from starting for lack of subordinate ids, or null. */
export function remapLacksSubordinateIds(facts: HostFacts, value: string): string | null {
  const pre = facts.daemonPrerequisites;
  const [user] = value.split(':');
  // "default" makes dockerd create dockremap and its ranges itself.
  if (!pre || value === 'default' || !user) return null;
  const owns = (r: SubordinateIdRange) => r.owner === user || r.name === user || (/^\d+$/.test(user) && r.uid === Number(user));
  const missing = (
    [
      ['/etc/subuid', pre.subuid],
      ['/etc/subgid', pre.subgid],
    ] as const
  )
    .filter(([, ranges]) => !(ranges ?? []).some(owns))
    .map(([file]) => file);
  if (missing.length === 0) return null;
  return `userns-remap "${value}" needs subordinate ids for ${user} in ${missing.join(' and ')}, which ${missing.length > 1 ? 'have' : 'has'} none, so dockerd would refuse to start; not written — add a range (e.g. "${user}:100000:65536") first.`;
}

/** Why icc/userland-proxy false would break the default bridge: Docker 28+ and br_netfilter not loaded. */
export function lacksBrNetfilter(facts: HostFacts, key: string, version: EngineVersion | null): string | null {
  if (!atLeast(version, '28.0') || facts.daemonPrerequisites?.brNetfilter !== false) return null;
  return `${key}: false needs the br_netfilter kernel module on dockerd 28 and later, and it is not loaded here, so the default bridge and its containers would fail to start; not written — load it (modprobe br_netfilter, and list it in /etc/modules-load.d/) first.`;
}
