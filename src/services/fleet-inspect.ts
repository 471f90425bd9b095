// Every inventory host inspected over SSH, a bounded number at a time, each on its own
// connection. A host that cannot be reached, refuses the login, has another host key, cannot
// run the collector or has no engine answering gets one sentence; the others go on.
import { UserError, describeError } from '../core/errors.js';
import type { HostFacts } from '../facts/host-facts.js';
import type { HostFailure } from '../fleet/fleet-host.js';
import { mapLimit } from '../probes/probe.js';
import { SshConnectError } from '../probes/remote/ssh-connection.js';
import { requireEngine, type EngineStatusOptions } from './engine-status.js';
import type { FleetMember } from './fleet-inventory.js';

export interface FleetInspectOptions extends Pick<EngineStatusOptions, 'dockerHost' | 'dockerHostGiven' | 'noEngine'> {
  concurrency: number;
  deep?: boolean;
}

export type FleetFacts = { name: string; url: string } & ({ facts: HostFacts } | { failure: HostFailure });

export async function inspectFleet(members: readonly FleetMember[], opts: FleetInspectOptions): Promise<FleetFacts[]> {
  // --docker-host names the engine socket on every target.
  const socket = opts.dockerHostGiven && opts.dockerHost.startsWith('unix://') ? opts.dockerHost : undefined;
  if (opts.dockerHostGiven && !socket)
    throw new UserError(
      `With --inventory, the Docker host "${opts.dockerHost}" must be a unix:// socket on each host.`,
      'Leave --docker-host out to use /var/run/docker.sock there.',
    );
  const { inspectRemote } = await import('../probes/remote/inspect-remote.js');
  return mapLimit(members, opts.concurrency, async (m): Promise<FleetFacts> => {
    const base = { name: m.name, url: m.url };
    if (!m.target) return { ...base, failure: { reason: 'unsupported', message: m.unsupported ?? `${m.name} has no SSH connection.` } };
    let facts: HostFacts;
    try {
      facts = await inspectRemote({ ssh: m.target, dockerHost: socket, deep: opts.deep });
    } catch (err) {
      return { ...base, failure: failureOf(err) };
    }
    try {
      requireEngine(facts, opts);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return { ...base, failure: { reason: 'engine', message: `${m.url}: ${err.message}` } };
    }
    return { ...base, facts };
  });
}

function failureOf(err: unknown): HostFailure {
  if (err instanceof SshConnectError) return { reason: err.reason, message: err.message };
  // inspectRemote's other sentences are about the collector on the target's shell.
  if (err instanceof UserError) return { reason: 'collector', message: err.message };
  return { reason: 'failed', message: `The inspection failed: ${describeError(err)}.` };
}
