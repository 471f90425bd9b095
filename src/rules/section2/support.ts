// Reading daemon options for section 2: whether daemon.json can take effect at all, where a value
// came from (flag, file, built-in default) and what the running engine reports.
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import type { CheckResult, Evidence } from '../rule.js';

export type JsonKind = 'boolean' | 'string' | 'string[]' | 'object';

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
 * A failing result when daemon.json cannot take effect for these keys: the file does not parse, a key
 * is also given as a flag, or a value has a JSON type dockerd rejects. In each case dockerd refuses to start.
 */
export function configBlocker(facts: HostFacts, keys: Record<string, JsonKind>): CheckResult | null {
  const dj = facts.daemonJson;
  if (dj.parseError) {
    const { line, column, message } = dj.parseError;
    return {
      status: 'fail',
      message: `daemon.json does not parse (line ${line}: ${message}), so dockerd refuses to start and none of its settings are in force.`,
      evidence: [{ kind: 'daemon.json', detail: `${dj.path}:${line}:${column}: ${message}`, path: dj.path }],
    };
  }
  const cfg = effectiveConfig(facts);
  const clashes = Object.keys(keys).filter((k) => cfg.conflicts.includes(k));
  if (clashes.length > 0) {
    const evidence = clashes.flatMap((k) => [flagEvidence(facts, k), fileEvidence(facts, k)]);
    const list = clashes.map((k) => `"${k}" (${cfg.flags.get(k)!.raw.join(' ')})`).join(', ');
    return {
      status: 'fail',
      message: `${list} ${clashes.length > 1 ? 'are' : 'is'} set both as a dockerd flag and in daemon.json, so dockerd refuses to start.`,
      evidence,
    };
  }
  for (const [key, kind] of Object.entries(keys)) {
    const file = cfg.file;
    if (!file || !Object.prototype.hasOwnProperty.call(file, key)) continue;
    if (!hasKind(file[key], kind)) {
      return {
        status: 'fail',
        message: `daemon.json "${key}" is ${describeType(file[key])} where dockerd expects ${describeKind(kind)}, so dockerd refuses to start.`,
        evidence: [fileEvidence(facts, key)],
      };
    }
  }
  return null;
}

/** The configured value of a daemon option, its built-in default when unset, or undefined when daemon.json could not be read. */
export function readOption(facts: HostFacts, key: string, fallback: unknown): Reading | undefined {
  const cfg = effectiveConfig(facts);
  const opt = cfg.get(key);
  if (opt?.source === 'flag') return { value: opt.value, origin: 'flag', where: `flag ${opt.evidence}`, evidence: flagEvidence(facts, key) };
  if (opt) return { value: opt.value, origin: 'file', where: 'daemon.json', evidence: fileEvidence(facts, key) };
  if (daemonJsonUnreadable(facts)) return undefined;
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

/** Where the dockerd flags were read from, for evidence and advice. */
export function flagSource(facts: HostFacts): { text: string; path?: string } {
  const cfg = effectiveConfig(facts);
  if (cfg.argsSource === 'process' && facts.dockerd) {
    return { text: `the running dockerd command line (pid ${facts.dockerd.pid})`, path: `/proc/${facts.dockerd.pid}/cmdline` };
  }
  const unit = facts.systemd.service;
  if (cfg.argsSource === 'systemd' && unit) return { text: `the docker.service ExecStart (${unit.path} and its drop-ins)`, path: unit.path };
  return { text: 'the dockerd command line' };
}

export function flagEvidence(facts: HostFacts, key: string): Evidence {
  const flag = effectiveConfig(facts).flags.get(key);
  const src = flagSource(facts);
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

function hasKind(value: unknown, kind: JsonKind): boolean {
  if (kind === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (kind === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === kind;
}

function describeKind(kind: JsonKind): string {
  return { boolean: 'a boolean', string: 'a string', 'string[]': 'an array of strings', object: 'an object' }[kind];
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${JSON.stringify(value)})`;
}
