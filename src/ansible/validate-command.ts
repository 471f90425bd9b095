// `copy`'s validate for daemon.json: `dockerd --validate` (engine 23.0 and later) with the daemon's
// own flags, so a file dockerd would refuse is never put in place, as apply refuses it too.
import { atLeast, engineVersion } from '../artifacts/engine-version.js';
import { dockerdBinary, validateArgv } from '../artifacts/validate-daemon-config.js';
import { dockerdArgs } from '../facts/effective-config.js';
import type { HostFacts } from '../facts/host-facts.js';

/** Ansible's validate string ("%s" is the new file), or null where the engine cannot validate. */
export function validateCommand(facts: HostFacts): string | null {
  const version = engineVersion(facts);
  // Only a version the facts name: an older dockerd would refuse the unknown --validate flag itself.
  if (!version || !atLeast(version, '23.0')) return null;
  const exe = dockerdBinary(facts);
  if (!exe) return null;
  // validateArgv puts the file third: --validate --config-file FILE, then the daemon's flags.
  const [validate, configFile, , ...flags] = validateArgv('', dockerdArgs(facts).args);
  // Ansible splits the string with shlex and fills in %s with Python's % operator.
  const word = (w: string) => shlexWord(w).replaceAll('%', '%%');
  return [word(exe), validate, configFile, '%s', ...flags.map(word)].join(' ');
}

/** One word for Python's shlex.split: plain, or in single quotes (which shlex reads literally). */
export function shlexWord(word: string): string {
  if (/^[A-Za-z0-9_./:=@+,-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}
