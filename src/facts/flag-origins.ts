// Where each dockerd flag of docker.service is written: in ExecStart itself, or in a variable it
// expands (DOCKER_OPTS in /etc/default/docker, OPTIONS in /etc/sysconfig/docker). Advice that says
// "remove the flag" must name that file and variable, not the unit that only says $DOCKER_OPTS.
import type { HostFacts, SystemdUnitFacts } from './host-facts.js';
import { parseDockerdArgs, splitCommandLine } from './dockerd-flags.js';
import { effectiveValues, expandVariables, parseEnvironmentFile, parseUnitFile } from './systemd-unit.js';

export interface FlagOrigin {
  /** "DOCKER_OPTS in /etc/default/docker", "the ExecStart of /lib/systemd/system/docker.service". */
  text: string;
  /** The file to edit. */
  path: string;
  variable?: string;
}

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/;

/** The unit file or drop-in whose ExecStart= is the one systemd runs. */
function execStartFile(unit: SystemdUnitFacts): string {
  let from = unit.path;
  const files = [{ path: unit.path, content: unit.content }, ...[...unit.dropIns].sort((a, b) => base(a.path).localeCompare(base(b.path)))];
  for (const f of files) if (parseUnitFile(f.content).some((e) => e.section === 'Service' && e.key === 'ExecStart' && e.value !== '')) from = f.path;
  return from;
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** Each variable docker.service sets, with the file (or unit) that set it last. */
function unitEnvironment(facts: HostFacts, unit: SystemdUnitFacts): { env: Record<string, string>; from: Record<string, string> } {
  const env: Record<string, string> = Object.create(null);
  const from: Record<string, string> = Object.create(null);
  for (const spec of effectiveValues(unit, 'Service', 'EnvironmentFile')) {
    const path = spec.replace(/^-/, '');
    const content = facts.envFiles[path];
    if (!content) continue;
    for (const [k, v] of Object.entries(parseEnvironmentFile(content))) (env[k] = v), (from[k] = path);
  }
  for (const spec of effectiveValues(unit, 'Service', 'Environment')) {
    for (const [k, v] of Object.entries(parseEnvironmentFile(splitCommandLine(spec).join('\n')))) (env[k] = v), (from[k] = `Environment= of ${unit.path}`);
  }
  return { env, from };
}

/**
 * The origin of every dockerd argument of the unit's ExecStart, in order, read word by word; null
 * where that reading gives other arguments than expanding the whole line (quotes inside a variable).
 */
export function unitArgOrigins(facts: HostFacts, execLine: string, expandedArgs: readonly string[]): FlagOrigin[] | null {
  const unit = facts.systemd.service;
  if (!unit) return null;
  const { env, from } = unitEnvironment(facts, unit);
  const file = execStartFile(unit);
  const origins: FlagOrigin[] = [];
  const args: string[] = [];
  for (const word of splitCommandLine(execLine).slice(1)) {
    const m = VARIABLE.exec(word);
    const name = m ? (m[1] ?? m[2]) : null;
    const words = splitCommandLine(expandVariables(word, env));
    const where = name && from[name];
    const origin: FlagOrigin = where
      ? where.startsWith('/')
        ? { text: `${name} in ${where}`, path: where, variable: name }
        : { text: `${name} in ${where}`, path: unit.path, variable: name }
      : { text: `the ExecStart of ${file}`, path: file };
    for (const w of words) args.push(w), origins.push(origin);
  }
  return args.length === expandedArgs.length && args.every((a, i) => a === expandedArgs[i]) ? origins : null;
}

/** Where the flags setting `key` are written, one entry per place. */
export function originsOfKey(args: readonly string[], origins: readonly FlagOrigin[], key: string): FlagOrigin[] {
  const out: FlagOrigin[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!args[i].startsWith('-')) continue;
    const parsed = [...parseDockerdArgs(args.slice(i, i + 2)).values()].find((f) => f.raw[0] === args[i]);
    if (parsed?.key === key && !out.some((o) => o.text === origins[i].text)) out.push(origins[i]);
  }
  return out;
}
