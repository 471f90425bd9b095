// Facts of a host reached over SSH, with nothing installed there: one SSH connection, the
// collector for the files and /proc, the Engine API through dial-stdio. The probes are the same
// ones a local inspection runs, so the facts are the same, apart from `remote` (their provenance).
// A fleet audit calls this once per host, concurrently: nothing here is shared between calls.
import { randomBytes } from 'node:crypto';
import type { HostFacts } from '../../facts/host-facts.js';
import { UserError } from '../../core/errors.js';
import { parseDockerHost, type Endpoint } from '../docker-host.js';
import { inspectHost, type InspectHostOptions } from '../inspect-host.js';
import { oneLine } from '../probe.js';
import { collectorScript } from './collector-script.js';
import { parseCollectorOutput } from './collector-records.js';
import { engineTunnel } from './engine-tunnel.js';
import { prefetchOps } from './prefetch-ops.js';
import { RemoteHostReader } from './remote-reader.js';
import { openSsh, type SshConnection } from './ssh-connection.js';
import { parseSshTarget, type SshTarget } from './ssh-target.js';

export interface RemoteInspectOptions {
  /** user@host[:port], ssh://user@host[:port], or a target made from inventory variables. */
  ssh: string | SshTarget;
  /** unix:///path of the engine socket on the target (default /var/run/docker.sock). */
  dockerHost?: string;
  deep?: boolean;
  onProbe?: InspectHostOptions['onProbe'];
  /** Filled in with how many collector runs the inspection took. */
  stats?: { roundTrips: number };
}

export async function inspectRemote(opts: RemoteInspectOptions): Promise<HostFacts> {
  const target = typeof opts.ssh === 'string' ? parseSshTarget(opts.ssh) : opts.ssh;
  const socketPath = remoteSocket(opts.dockerHost);
  const conn = await openSsh(target);
  try {
    const reader = new RemoteHostReader(conn.url, collectorSource(conn));
    await reader.prefetch(prefetchOps(socketPath));
    const endpoint: Endpoint = { kind: 'unix', url: `unix://${socketPath}`, socketPath, tunnel: engineTunnel(conn, socketPath) };
    const facts = await inspectHost({ root: '/', dockerHost: endpoint.url, deep: opts.deep, onProbe: opts.onProbe, host: { reader, endpoint } });
    if (opts.stats) opts.stats.roundTrips = reader.roundTrips;
    return facts;
  } finally {
    await conn.close();
  }
}

/** The engine socket on the target: only a unix socket there can be reached through the tunnel. */
function remoteSocket(dockerHost: string | undefined): string {
  if (!dockerHost || dockerHost.startsWith('ssh://')) return '/var/run/docker.sock';
  const endpoint = parseDockerHost(dockerHost);
  if (endpoint.kind !== 'unix')
    throw new UserError(
      `With --ssh, the Docker host "${dockerHost}" must be a unix:// socket on the target.`,
      'Leave --docker-host out to use /var/run/docker.sock there.',
    );
  return endpoint.socketPath;
}

function collectorSource(conn: SshConnection) {
  return {
    async fetch(ops: Parameters<typeof collectorScript>[1]) {
      const mark = `@@dh-${randomBytes(8).toString('hex')}@@`;
      const started = Date.now();
      const run = await conn.run('sh -s', collectorScript(mark, ops));
      if (process.env.DOCKER_HARDEN_DEBUG)
        process.stderr.write(
          `collector on ${conn.url}: ${ops.length} ops, ${Date.now() - started} ms: ${ops
            .slice(0, 8)
            .map((o) => o.join(' '))
            .join(', ')}\n`,
        );
      const parsed = parseCollectorOutput(run.stdout, mark);
      if (parsed.missing) throw new UserError(`The collector cannot run on ${conn.url}: it needs ${parsed.missing}, which is not installed there.`);
      if (!parsed.complete) {
        const why = oneLine(run.stderr) || `exit status ${run.exitCode}`;
        throw new UserError(`The collector did not finish on ${conn.url} (${why}).`, 'The target needs a POSIX sh with stat, readlink, cat, head and ls.');
      }
      return parsed.records;
    },
  };
}
