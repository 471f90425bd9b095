// The docker command line of a plan: every `docker ...` the plan runs or advises names the engine
// the plan was made for, so a shell with another DOCKER_HOST (or none) cannot send it elsewhere.
import type { HostFacts } from '../facts/host-facts.js';
import { shellQuote } from '../core/shell-quote.js';

/** Where the docker CLI and dockerd meet when nothing else is said; -H may be left out for it. */
export const DEFAULT_ENDPOINT = 'unix:///var/run/docker.sock';

/**
 * The endpoint a plan's docker commands target: the one the facts were collected from (for
 * --from facts that is the engine they describe, not the one this shell points at). Undefined
 * for the default socket and for facts without an engine (no container to act on).
 */
export function planEndpoint(facts: HostFacts): string | undefined {
  const host = facts.engine?.host;
  // /var/run is a link to /run on every current distribution: both name the default socket.
  return host && host !== DEFAULT_ENDPOINT && host !== 'unix:///run/docker.sock' ? host : undefined;
}

/** argv of the docker CLI aimed at the endpoint: ["docker", "-H", endpoint] or ["docker"]. */
export function dockerArgv(endpoint: string | undefined): string[] {
  return endpoint ? ['docker', '-H', endpoint] : ['docker'];
}

/** The same as shell text, for advice a person copies into a terminal. */
export function dockerCommandText(endpoint: string | undefined): string {
  return dockerArgv(endpoint).map(shellQuote).join(' ');
}
