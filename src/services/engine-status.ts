// Whether the run saw the engine it was meant to see. A mistyped DOCKER_HOST or a stopped daemon
// must not turn an audit gate green: where an engine is expected (an endpoint was named, or dockerd
// is installed) and did not answer, the run stops with one sentence. A host without Docker (being
// provisioned) and a run limited with --no-engine go on without one.
import type { GlobalOptions } from '../services/options.js';
import type { HostFacts, ProbeState } from '../facts/host-facts.js';
import { UserError } from '../core/errors.js';

export interface EngineStatus {
  /** The endpoint asked (the one the facts were taken from, for --from). */
  endpoint: string;
  status: ProbeState | 'not-probed';
  /** The probe's own sentence: the version seen, or why there was no answer. */
  message?: string;
  /** True when an unreachable engine stops the run; false for --no-engine or a host without Docker. */
  required: boolean;
}

export type EngineStatusOptions = Pick<GlobalOptions, 'dockerHost' | 'dockerHostGiven' | 'noEngine' | 'from'>;

export function engineStatus(facts: HostFacts, opts: EngineStatusOptions): EngineStatus {
  const probe = facts.probes.engine;
  const endpoint = facts.engine?.host ?? endpointIn(probe?.message) ?? (opts.from ? 'unknown' : opts.dockerHost);
  // With --from, only the facts know whether Docker was there; the flag names no engine of theirs.
  const expected = (!opts.from && !!opts.dockerHostGiven) || dockerInstalled(facts);
  return {
    endpoint,
    status: probe?.status ?? 'not-probed',
    ...(probe?.message ? { message: probe.message } : {}),
    required: !opts.noEngine && expected,
  };
}

/** Stops the run when an expected engine did not answer. */
export function requireEngine(facts: HostFacts, opts: EngineStatusOptions): EngineStatus {
  const status = engineStatus(facts, opts);
  // Facts without an engine probe (hand-made, or older) say nothing either way.
  if (!status.required || status.status === 'ok' || status.status === 'not-probed') return status;
  const reason = status.message ?? status.status;
  const where = opts.from
    ? `The facts in ${opts.from} were taken while the Docker engine at ${status.endpoint} could not be reached`
    : `The Docker engine at ${status.endpoint} cannot be reached`;
  throw new UserError(
    `${where} (${stripEndpoint(reason, status.endpoint)}), so its containers, images and settings cannot be checked.`,
    'Start Docker or correct --docker-host / DOCKER_HOST; to check only what needs no engine, pass --no-engine.',
  );
}

/** dockerd is on the host (under the root) or running: an engine is expected to answer. */
export function dockerInstalled(facts: HostFacts): boolean {
  if (facts.dockerd) return true;
  return Object.entries(facts.files ?? {}).some(([p, st]) => /\/dockerd$/.test(p) && st.exists);
}

function endpointIn(message: string | undefined): string | undefined {
  return message ? /\b((?:unix|tcp):\/\/[^\s():]+(?::\d+)?)/.exec(message)?.[1] : undefined;
}

/** "no answer at unix:///x.sock (ENOENT)" -> "no answer (ENOENT)": the endpoint is named once already. */
function stripEndpoint(reason: string, endpoint: string): string {
  const plain = reason.replace(` at ${endpoint}`, '').replace(`${endpoint}: `, '');
  const code = /^no answer \((E[A-Z]+)\)$/.exec(plain)?.[1];
  return code ? (ERRNO_WORDS[code] ?? `no answer, ${code}`) : plain;
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no socket at that path',
  ECONNREFUSED: 'connection refused',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENOTFOUND: 'host name not found',
};
