// Where facts come from: a saved file (--from) or the live host.
import type { HostFacts } from '../facts/host-facts.js';
import type { GlobalOptions } from '../cli/context.js';
import { readFactsFile } from '../facts/facts-file.js';

export async function loadFacts(opts: Pick<GlobalOptions, 'from' | 'root' | 'dockerHost'>): Promise<HostFacts> {
  if (opts.from) return readFactsFile(opts.from);
  const { inspectHost } = await import('../probes/inspect-host.js');
  return inspectHost({ root: opts.root, dockerHost: opts.dockerHost });
}
