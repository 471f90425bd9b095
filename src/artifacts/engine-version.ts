// The engine version that decides which daemon.json keys dockerd accepts. Unknown (no engine
// facts, e.g. provisioning before Docker runs) is treated as the newest engine: that is what a
// fresh install gets, and its key set is the strictest.
import type { HostFacts } from '../facts/host-facts.js';

export interface EngineVersion {
  major: number;
  minor: number;
  /** As reported ("20.10.24+dfsg1"). */
  text: string;
}

export function parseEngineVersion(text: unknown): EngineVersion | null {
  if (typeof text !== 'string') return null;
  const m = /^v?(\d+)\.(\d+)/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), text: text.trim() } : null;
}

export function engineVersion(facts: HostFacts): EngineVersion | null {
  return parseEngineVersion(facts.engine?.version?.Version);
}

/** True when `v` is at least `ref` ("23.0"); an unknown version counts as newest. */
export function atLeast(v: EngineVersion | null, ref: string): boolean {
  if (!v) return true;
  const [major, minor] = ref.split('.').map(Number);
  return v.major > major || (v.major === major && v.minor >= (minor ?? 0));
}

export function describeVersion(v: EngineVersion | null): string {
  return v ? `dockerd ${v.text}` : 'a current dockerd (engine version unknown)';
}
