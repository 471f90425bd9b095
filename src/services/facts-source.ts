// Where facts come from: a saved file (--from) or the live host.
import type { HostFacts } from '../facts/host-facts.js';
import type { GlobalOptions } from '../services/options.js';
import type { InspectHostOptions } from '../probes/inspect-host.js';
import { UserError } from '../core/errors.js';
import { requireEngine } from './engine-status.js';

export interface FactsSourceOptions extends Pick<GlobalOptions, 'from' | 'root' | 'dockerHost' | 'dockerHostGiven' | 'noEngine' | 'ssh'> {
  /** Also scan the images containers use (live host only). */
  deep?: boolean;
  onProbe?: InspectHostOptions['onProbe'];
  /** Hand back facts even when an expected engine did not answer (the caller checks later). */
  allowUnreachableEngine?: boolean;
}

export async function loadFacts(opts: FactsSourceOptions): Promise<HostFacts> {
  const facts = await readOrInspect(opts);
  if (!opts.allowUnreachableEngine) requireEngine(facts, opts);
  return facts;
}

async function readOrInspect(opts: FactsSourceOptions): Promise<HostFacts> {
  if (opts.from) {
    // Saved facts keep whatever scan they were saved with; nothing live is there to scan.
    if (opts.deep)
      throw new UserError(
        '--deep scans images on a live engine and cannot be used with --from.',
        'Save the facts with `docker-harden inspect --deep --save FILE` instead.',
      );
    // Loaded only here: checking a file brings the schema validator, which a live inspection never needs.
    const { readFactsFile } = await import('../facts/facts-file.js');
    return readFactsFile(opts.from);
  }
  if (opts.ssh) {
    const { inspectRemote } = await import('../probes/remote/inspect-remote.js');
    // --docker-host names the socket on the target; DOCKER_HOST=ssh://... names the target itself.
    const socket = opts.dockerHostGiven && !opts.dockerHost.startsWith('ssh://') ? opts.dockerHost : undefined;
    return inspectRemote({ ssh: opts.ssh, dockerHost: socket, deep: opts.deep, onProbe: opts.onProbe });
  }
  const { inspectHost } = await import('../probes/inspect-host.js');
  return inspectHost({ root: opts.root, dockerHost: opts.dockerHost, deep: opts.deep, onProbe: opts.onProbe });
}
