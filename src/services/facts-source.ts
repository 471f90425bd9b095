// Where facts come from: a saved file (--from) or the live host.
import type { HostFacts } from '../facts/host-facts.js';
import type { GlobalOptions } from '../cli/context.js';
import { readFactsFile } from '../facts/facts-file.js';
import type { InspectHostOptions } from '../probes/inspect-host.js';
import { UserError } from '../core/errors.js';

export interface FactsSourceOptions extends Pick<GlobalOptions, 'from' | 'root' | 'dockerHost'> {
  /** Also scan the images containers use (live host only). */
  deep?: boolean;
  onProbe?: InspectHostOptions['onProbe'];
}

export async function loadFacts(opts: FactsSourceOptions): Promise<HostFacts> {
  if (opts.from) {
    // Saved facts keep whatever scan they were saved with; nothing live is there to scan.
    if (opts.deep) throw new UserError('--deep scans images on a live engine and cannot be used with --from.', 'Save the facts with `docker-harden inspect --deep --save FILE` instead.');
    return readFactsFile(opts.from);
  }
  const { inspectHost } = await import('../probes/inspect-host.js');
  return inspectHost({ root: opts.root, dockerHost: opts.dockerHost, deep: opts.deep, onProbe: opts.onProbe });
}
