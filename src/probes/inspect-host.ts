// Placeholder until the probes land: a host where nothing could be inspected.
import type { HostFacts } from '../facts/host-facts.js';
import { emptyFacts } from '../facts/empty-facts.js';

export async function inspectHost(opts: { root: string; dockerHost: string }): Promise<HostFacts> {
  return emptyFacts({ root: opts.root, collectedAt: new Date().toISOString() });
}
