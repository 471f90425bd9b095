// The daemon's effective configuration: its command-line flags (from the running process, else
// the systemd unit with drop-ins and environment files) combined with daemon.json.
import type { HostFacts } from './host-facts.js';
import { parseDockerdArgs, splitCommandLine, type ParsedFlag } from './dockerd-flags.js';
import { effectiveExecStart, effectiveValues, expandVariables, parseEnvironmentFile } from './systemd-unit.js';
import { originsOfKey, unitArgOrigins, type FlagOrigin } from './flag-origins.js';

export interface EffectiveOption {
  key: string;
  value: unknown;
  source: 'flag' | 'file';
  /** Human-readable origin: the flag as written, or "daemon.json: key". */
  evidence: string;
}

export interface EffectiveConfig {
  /** Where the flags came from. */
  argsSource: 'process' | 'systemd' | 'none';
  args: string[];
  flags: Map<string, ParsedFlag>;
  file: Record<string, unknown> | null;
  get(key: string): EffectiveOption | undefined;
  /** Keys set both as a flag and in daemon.json: dockerd refuses to start with these. */
  conflicts: string[];
  /**
   * Where docker.service writes the flag of `key` (its ExecStart, or a variable of an environment
   * file), when the flag in force is the one the unit gives; undefined where that is not known.
   */
  origin(key: string): FlagOrigin | undefined;
}

const cache = new WeakMap<HostFacts, EffectiveConfig>();

export function effectiveConfig(facts: HostFacts): EffectiveConfig {
  const hit = cache.get(facts);
  if (hit) return hit;
  const { source, args } = dockerdArgs(facts);
  const flags = parseDockerdArgs(args);
  const file = facts.daemonJson.parsed;
  const cfg: EffectiveConfig = {
    argsSource: source,
    args,
    flags,
    file,
    get(key) {
      const flag = flags.get(key);
      if (flag) return { key, value: flag.value, source: 'flag', evidence: flag.raw.join(' ') };
      if (file && Object.hasOwn(file, key)) {
        return { key, value: file[key], source: 'file', evidence: `${facts.daemonJson.path}: "${key}": ${JSON.stringify(file[key])}` };
      }
      return undefined;
    },
    conflicts: file ? Object.keys(file).filter((k) => flags.has(k)) : [],
    origin: (key) => flagOrigin(facts, flags, key),
  };
  cache.set(facts, cfg);
  return cfg;
}

/** The dockerd arguments (without the executable) and where they came from. */
export function dockerdArgs(facts: HostFacts): { source: EffectiveConfig['argsSource']; args: string[] } {
  if (facts.dockerd) return { source: 'process', args: facts.dockerd.argv.slice(1) };
  // Several daemons run and none is the endpoint's: the unit's flags may be another daemon's.
  if (facts.daemonIdentity?.status === 'ambiguous') return { source: 'none', args: [] };
  const fromUnit = unitArgs(facts);
  if (fromUnit) return { source: 'systemd', args: fromUnit.args };
  return { source: 'none', args: [] };
}

/** docker.service's ExecStart line and the dockerd arguments it expands to, or null. */
export function unitArgs(facts: HostFacts): { line: string; args: string[] } | null {
  const unit = facts.systemd.service;
  const exec = unit ? effectiveExecStart(unit) : null;
  if (!unit || !exec) return null;
  // Variable names come from the host's files: no prototype, so "$constructor" expands to nothing.
  const env: Record<string, string> = Object.create(null);
  for (const spec of effectiveValues(unit, 'Service', 'EnvironmentFile')) {
    const path = spec.replace(/^-/, '');
    const content = facts.envFiles[path];
    if (content) Object.assign(env, parseEnvironmentFile(content));
  }
  for (const spec of effectiveValues(unit, 'Service', 'Environment')) {
    Object.assign(env, parseEnvironmentFile(splitCommandLine(spec).join('\n')));
  }
  return { line: exec, args: splitCommandLine(expandVariables(exec, env)).slice(1) };
}

/** The unit's place for a flag, when the flag in force (process or unit) is written the same there. */
function flagOrigin(facts: HostFacts, flags: Map<string, ParsedFlag>, key: string): FlagOrigin | undefined {
  const flag = flags.get(key);
  const unit = flag && facts.daemonIdentity?.status !== 'ambiguous' ? unitArgs(facts) : null;
  const origins = unit ? unitArgOrigins(facts, unit.line, unit.args) : null;
  if (!flag || !unit || !origins) return undefined;
  const same = parseDockerdArgs(unit.args).get(key);
  if (!same || same.raw.join(' ') !== flag.raw.join(' ')) return undefined;
  const places = originsOfKey(unit.args, origins, key);
  return places.length === 1 ? places[0] : undefined;
}
