// Reading daemon options for section 2: where a value came from (flag, file, dockerd's default from
// the key table) and what the running engine reports.
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import { keyDefault } from '../../facts/daemon-keys.js';
import type { Evidence } from '../rule.js';

/** One value of a daemon option and where it came from. */
export interface Reading {
  value: unknown;
  origin: 'flag' | 'file' | 'default' | 'engine';
  /** Where it came from, for messages: "flag --icc=false", "daemon.json", "not set, dockerd default", "engine". */
  where: string;
  evidence: Evidence;
}

// Probe states after which daemon.json contents are unknown (absent = defaults, which is known).
const UNREADABLE = new Set(['permission-denied', 'error', 'not-running']);

/**
 * The configured value of a daemon option, dockerd's default (from the key table) when unset, or
 * undefined when daemon.json could not be read.
 */
export function readOption(facts: HostFacts, key: string): Reading | undefined {
  const cfg = effectiveConfig(facts);
  const opt = cfg.get(key);
  if (opt?.source === 'flag') return { value: opt.value, origin: 'flag', where: `flag ${opt.evidence}`, evidence: flagEvidence(facts, key) };
  if (opt) return { value: opt.value, origin: 'file', where: 'daemon.json', evidence: fileEvidence(facts, key) };
  if (daemonJsonUnreadable(facts)) return undefined;
  const fallback = keyDefault(key);
  const place = cfg.argsSource === 'none' ? facts.daemonJson.path : `${facts.daemonJson.path} or on the dockerd command line`;
  return {
    value: fallback,
    origin: 'default',
    where: 'not set, dockerd default',
    evidence: { kind: 'default', detail: `"${key}" is not set in ${place}; dockerd's default is ${show(fallback)}`, path: facts.daemonJson.path },
  };
}

export function daemonJsonUnreadable(facts: HostFacts): boolean {
  const status = facts.probes.daemonJson?.status;
  return facts.daemonJson.parsed === null && status !== undefined && UNREADABLE.has(status);
}

/** Why daemon.json was not read, for 'warn' messages ("probe daemonJson: permission-denied"). */
export function daemonJsonProbeText(facts: HostFacts): string {
  const probe = facts.probes.daemonJson;
  return `probe daemonJson: ${probe?.status ?? 'unknown'}${probe?.message ? ` (${probe.message})` : ''}`;
}

/** Said in a message when the decision rests on daemon.json alone because no dockerd command line was seen. */
export function flagsUnknownNote(facts: HostFacts): string | null {
  return effectiveConfig(facts).argsSource === 'none'
    ? 'dockerd flags were not seen (no running dockerd or docker.service), so only daemon.json was read'
    : null;
}

/** Where the dockerd flags (or the one of `key`: a variable of an environment file) were read from, for evidence and advice. */
export function flagSource(facts: HostFacts, key?: string): { text: string; path?: string } {
  const cfg = effectiveConfig(facts);
  // Only a variable says more than the unit's ExecStart does.
  const origin = key === undefined ? undefined : cfg.origin(key)?.variable ? cfg.origin(key) : undefined;
  if (cfg.argsSource === 'process' && facts.dockerd) {
    const from = origin ? `, from ${origin.text}` : '';
    return { text: `the running dockerd command line (pid ${facts.dockerd.pid})${from}`, path: origin?.path ?? `/proc/${facts.dockerd.pid}/cmdline` };
  }
  const unit = facts.systemd.service;
  if (cfg.argsSource === 'systemd' && origin) return { text: origin.text, path: origin.path };
  if (cfg.argsSource === 'systemd' && unit) return { text: `the docker.service ExecStart (${unit.path} and its drop-ins)`, path: unit.path };
  return { text: 'the dockerd command line' };
}

export function flagEvidence(facts: HostFacts, key: string): Evidence {
  const flag = effectiveConfig(facts).flags.get(key);
  const src = flagSource(facts, key);
  return { kind: 'flag', detail: `${flag?.raw.join(' ') ?? key} in ${src.text}`, ...(src.path ? { path: src.path } : {}) };
}

export function fileEvidence(facts: HostFacts, key: string): Evidence {
  const file = facts.daemonJson.parsed ?? {};
  return { kind: 'daemon.json', detail: `${facts.daemonJson.path}: "${key}": ${JSON.stringify(file[key])}`, path: facts.daemonJson.path };
}

/** The engine's info when the engine probe saw a running daemon. */
export function engineInfo(facts: HostFacts): EngineObject | null {
  const status = facts.probes.engine?.status;
  if (!facts.engine || (status !== undefined && status !== 'ok')) return null;
  return facts.engine.info ?? null;
}

/**
 * 'absent' = no Docker engine exists (probe says missing, or nothing was probed), so there are no
 * containers or swarm state; 'unknown' = an engine may exist but could not be asked.
 */
export function engineState(facts: HostFacts): 'ok' | 'absent' | 'unknown' {
  if (engineInfo(facts)) return 'ok';
  const status = facts.probes.engine?.status;
  return status === undefined || status === 'missing' ? 'absent' : 'unknown';
}

/** A value the running engine reports; detail names the API field ("docker info: LiveRestoreEnabled=false"). */
export function liveReading(value: unknown, detail: string): Reading {
  return { value, origin: 'engine', where: 'running engine', evidence: { kind: 'engine', detail } };
}

export function securityOptions(info: EngineObject | null): string[] | null {
  return info && Array.isArray(info.SecurityOptions) ? info.SecurityOptions.map(String) : null;
}

/** A value as it appears in messages: JSON, so strings are quoted and booleans are not. */
export function show(value: unknown): string {
  return JSON.stringify(value) ?? 'unset';
}
