// How far the daemon behind the endpoint can raise resource limits for its containers. Raising a
// hard limit needs CAP_SYS_RESOURCE in the initial user namespace; without it, a container asking
// for more than dockerd's own hard limit fails in runc with "error setting rlimit". Pure.
import type { DockerdProcessFacts, HostFacts } from './host-facts.js';

const CAP_SYS_RESOURCE = 24n;

export interface UlimitValue {
  soft: number;
  hard: number;
}

/** The highest hard limit a container may get for `name`, and why; null when the daemon may raise it (or nothing is known). */
export function ulimitCeiling(facts: HostFacts, name: string): { hard: number; why: string } | null {
  const d = facts.dockerd;
  const hard = d?.limits?.[name]?.hard;
  if (!d || hard === undefined || hard === null || canRaiseLimits(d)) return null;
  const lacks = d.rootless ? 'runs rootless, where CAP_SYS_RESOURCE does not reach the host' : 'lacks CAP_SYS_RESOURCE';
  return { hard, why: `dockerd (pid ${d.pid}) has a hard ${name} limit of ${hard} and ${lacks}` };
}

/** Whether the daemon may raise hard limits: CAP_SYS_RESOURCE in its effective set, outside a user namespace. */
export function canRaiseLimits(d: DockerdProcessFacts): boolean {
  if (d.rootless) return false;
  const eff = d.capabilities?.effective;
  if (!eff || !/^[0-9a-f]+$/i.test(eff)) return true; // unknown: say nothing rather than guess a limit
  return ((BigInt(`0x${eff}`) >> CAP_SYS_RESOURCE) & 1n) === 1n;
}

/** Ulimits lowered to the daemon's ceilings, with one note per lowered entry. */
export function fitUlimits(facts: HostFacts, wanted: Record<string, UlimitValue>): { value: Record<string, UlimitValue>; notes: string[] } {
  const value: Record<string, UlimitValue> = {};
  const notes: string[] = [];
  for (const [name, u] of Object.entries(wanted)) {
    const ceiling = ulimitCeiling(facts, name);
    if (!ceiling || u.hard <= ceiling.hard) {
      value[name] = u;
      continue;
    }
    const hard = ceiling.hard;
    value[name] = { soft: Math.min(u.soft, hard), hard };
    notes.push(
      `default-ulimits ${name} is ${value[name].soft}:${hard}, not the profile's ${u.soft}:${u.hard}: ${ceiling.why}, so containers asking for more would fail to start ("error setting rlimit").`,
    );
  }
  return { value, notes };
}
