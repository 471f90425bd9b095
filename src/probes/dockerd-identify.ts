// Which of the running dockerd processes serves the endpoint. The kernel decides first (the pid
// that holds the listening socket); only where it cannot be asked (another user's process seen by
// a non-root user) do the daemon's own -H flags, daemon.json "hosts" and its default socket
// decide. When that still leaves no single daemon, the answer is "ambiguous", never a guess.
import type { DaemonIdentity, DockerdProcessFacts } from '../facts/host-facts.js';
import { sameEndpoint, type Endpoint } from './docker-host.js';
import type { SocketHolding } from './socket-owner.js';

export interface DockerdCandidate {
  process: DockerdProcessFacts;
  holding: SocketHolding;
  /** Addresses from -H, else daemon.json "hosts", as written; null when neither names any. */
  hosts: string[] | null;
  /** Where it listens when hosts is null (unix:///var/run/docker.sock; rootless: $XDG_RUNTIME_DIR/docker.sock). */
  defaultHost: string;
}

export interface Identification {
  chosen: DockerdCandidate | null;
  identity: DaemonIdentity;
}

type FlagMatch = 'match' | 'mismatch' | 'unknown';

/** Pure: the dockerd behind the endpoint. `same` compares an -H address with the endpoint (real paths). */
export function identifyDockerd(
  candidates: DockerdCandidate[],
  endpoint: Endpoint,
  same: (hostFlag: string) => boolean = (h) => sameEndpoint(endpoint, h),
): Identification {
  if (candidates.length === 0) return { chosen: null, identity: { status: 'not-running', reason: 'No dockerd process runs on this host.' } };
  const pids = candidates.map((c) => c.process.pid).join(', ');
  const holders = candidates.filter((c) => c.holding === 'holds');
  if (holders.length === 1) return identified(holders[0], 'socket-inode', `pid ${holders[0].process.pid} holds the socket listening on ${endpoint.url}.`);
  if (holders.length > 1)
    return ambiguous(`the dockerd processes ${holders.map((c) => c.process.pid).join(', ')} all hold a socket listening on ${endpoint.url}.`);

  // The kernel saw who listens: a dockerd it could read and that holds nothing there does not serve the endpoint.
  const open = candidates.filter((c) => c.holding === 'unknown');
  if (open.length === 0) {
    return ambiguous(
      candidates.length === 1
        ? `the only dockerd (pid ${pids}) does not hold a socket listening on ${endpoint.url}, so it is not the daemon behind it.`
        : `none of the ${candidates.length} dockerd processes (pids ${pids}) holds a socket listening on ${endpoint.url}.`,
    );
  }
  const verdicts = open.map((c) => ({ c, match: flagMatch(c, same) }));
  const matches = verdicts.filter((v) => v.match === 'match');
  if (matches.length === 1) {
    const c = matches[0].c;
    return c.hosts === null
      ? identified(c, 'default-socket', `pid ${c.process.pid} has no -H and no "hosts", so it serves ${c.defaultHost}.`)
      : identified(c, 'host-flag', `pid ${c.process.pid} is started with -H ${c.hosts.join(', ')}.`);
  }
  const possible = verdicts.filter((v) => v.match === 'unknown');
  if (matches.length === 0 && possible.length === 1 && candidates.length === 1) {
    return identified(
      possible[0].c,
      'only-one',
      `pid ${pids} is the only dockerd, and its ${possible[0].c.hosts?.join(', ')} cannot be compared with ${endpoint.url}.`,
    );
  }
  const why =
    matches.length > 1
      ? `the dockerd processes ${matches.map((v) => v.c.process.pid).join(', ')} all name ${endpoint.url} in their -H flags or "hosts"`
      : candidates.length === 1
        ? `the only dockerd (pid ${pids}) names another address than ${endpoint.url} in its -H flags or daemon.json "hosts"`
        : `none of the ${candidates.length} dockerd processes (pids ${pids}) names ${endpoint.url} in its -H flags, daemon.json "hosts" or default socket`;
  return ambiguous(`${why}, and the kernel could not be asked which one holds the socket (reading /proc/<pid>/fd needs root).`);
}

function flagMatch(c: DockerdCandidate, same: (hostFlag: string) => boolean): FlagMatch {
  const hosts = c.hosts ?? [c.defaultHost];
  if (hosts.some(same)) return 'match';
  // fd:// is a socket that systemd passed in: where it listens is not in the flags.
  return hosts.some((h) => h.startsWith('fd://')) ? 'unknown' : 'mismatch';
}

function identified(c: DockerdCandidate, by: NonNullable<DockerdProcessFacts['identifiedBy']>, reason: string): Identification {
  return { chosen: { ...c, process: { ...c.process, identifiedBy: by } }, identity: { status: 'identified', reason } };
}

function ambiguous(why: string): Identification {
  const text = why.charAt(0).toUpperCase() + why.slice(1);
  return { chosen: null, identity: { status: 'ambiguous', reason: text } };
}
