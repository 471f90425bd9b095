// Whether daemon.json can take effect for a rule's keys at all: a file that does not parse, a key
// given both as a flag and in the file, or a value of a JSON type dockerd rejects each stop dockerd
// from starting, and then no setting in the file is in force.
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import { keyType, type JsonType } from '../../facts/daemon-keys.js';
import type { CheckResult } from '../rule.js';
import { fileEvidence, flagEvidence } from './support.js';

/**
 * The outer JSON shape of a key's type, which dockerd checks first. Rules that read a structured key
 * judge its entries themselves (2.9 ulimits, 2.14 log-opt values), with messages that name them.
 */
type OuterKind = 'boolean' | 'string' | 'integer' | 'string[]' | 'array' | 'object';
const OUTER: Record<JsonType, OuterKind> = {
  boolean: 'boolean',
  string: 'string',
  integer: 'integer',
  'string[]': 'string[]',
  'address-pools': 'array',
  'string-map': 'object',
  'boolean-map': 'object',
  ulimits: 'object',
  object: 'object',
};

/**
 * A failing result when daemon.json cannot take effect for these keys: the file does not parse, a key
 * is also given as a flag, or a value has a JSON type dockerd rejects (types from the key table). In
 * each case dockerd refuses to start.
 */
export function configBlocker(facts: HostFacts, keys: readonly string[]): CheckResult | null {
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
  const clashes = keys.filter((k) => cfg.conflicts.includes(k));
  if (clashes.length > 0) {
    const evidence = clashes.flatMap((k) => [flagEvidence(facts, k), fileEvidence(facts, k)]);
    // Where the flag is written (DOCKER_OPTS in /etc/default/docker) is where it can be removed.
    const from = (k: string) => (cfg.origin(k)?.variable ? ` from ${cfg.origin(k)!.text}` : '');
    const list = clashes.map((k) => `"${k}" (${cfg.flags.get(k)!.raw.join(' ')}${from(k)})`).join(', ');
    return {
      status: 'fail',
      message: `${list} ${clashes.length > 1 ? 'are' : 'is'} set both as a dockerd flag and in daemon.json, so dockerd refuses to start.`,
      evidence,
    };
  }
  for (const key of keys) {
    const file = cfg.file;
    if (!file || !Object.hasOwn(file, key)) continue;
    const kind = OUTER[keyType(key) ?? 'object'];
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

function hasKind(value: unknown, kind: OuterKind): boolean {
  if (kind === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (kind === 'array') return Array.isArray(value);
  if (kind === 'integer') return Number.isInteger(value);
  if (kind === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === kind;
}

function describeKind(kind: OuterKind): string {
  const names: Record<OuterKind, string> = {
    boolean: 'a boolean',
    string: 'a string',
    integer: 'an integer',
    'string[]': 'an array of strings',
    array: 'an array',
    object: 'an object',
  };
  return names[kind];
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${JSON.stringify(value)})`;
}
