// Facts for section 2's own tests: a daemon.json, a running dockerd's arguments and engine info,
// everything else empty. Not part of the catalog.
import type { HostFacts } from '../../../facts/host-facts.js';
import { emptyFacts } from '../../../facts/empty-facts.js';

export interface DaemonFactsOptions {
  file?: Record<string, unknown>;
  /** dockerd arguments without the executable; omitted = no dockerd command line seen. */
  argv?: string[];
  /** Engine info; omitted = no engine. */
  info?: Record<string, unknown>;
  extra?: Partial<HostFacts>;
}

export function daemonFacts(opts: DaemonFactsOptions): HostFacts {
  const file = opts.file ?? {};
  return emptyFacts({
    probes: { daemonJson: { status: 'ok' }, ...(opts.info ? { engine: { status: 'ok' } } : {}) },
    daemonJson: { path: '/etc/docker/daemon.json', raw: JSON.stringify(file), parsed: file },
    dockerd: opts.argv ? { pid: 4242, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd', ...opts.argv] } : null,
    engine: opts.info ? { host: 'unix:///var/run/docker.sock', version: {}, info: opts.info, containers: [], images: [], networks: [] } : null,
    ...opts.extra,
  });
}
