// Command lines: every command with random values for each of its options (in any order, as
// --opt value or --opt=value, repeated, with stray words), global options among them, and a few
// environment variables set. The files the options may name are laid out in the case: facts, a
// profile, a Dockerfile, a Compose file, a backup set, FIFOs and links out of the tree.
import fc from 'fast-check';
import type { Entry, FuzzCase } from './case.js';
import { COMMANDS, flag, none, opt, read, type Words } from './cli-commands.js';
import { DOCKER_HOSTS, ROOTS, SSH_TARGETS, environment, optionValue } from './cli-values.js';
import { composeFiles, dockerfiles, hostFacts, noEngineFacts } from './fixtures.js';
import { backupSetEntries } from './gen-manifest.js';

const STRAY = ['--', '-', '--unknown', '-x', '--root', '--from=', 'extra', '--help', '-V', '--no-engine=1', '-pp', '--format'];

/** The commands that only read: they may run without --root (reading this machine) and over SSH. */
const READ_ONLY = new Set(['inspect', 'profiles', 'profiles show', 'audit', 'plan', 'script', 'patch', 'help']);

const root = fc.oneof(
  { weight: 9, arbitrary: optionValue(ROOTS.good, ROOTS.bad).map((r) => ['--root', r]) },
  { weight: 1, arbitrary: optionValue(ROOTS.good, ROOTS.bad).map((r) => [`--root=${r}`]) },
);
const ssh = optionValue(SSH_TARGETS.slice(0, 3), SSH_TARGETS).map((t) => ['--ssh', t]);

/**
 * Global options. A command that writes always gets a root (without one it would write to this
 * machine); a reading one sometimes goes over SSH instead, without the root and facts it excludes.
 */
function globals(command: string): Words {
  const overSsh = READ_ONLY.has(command)
    ? fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })
    : fc.constant(false);
  return overSsh.chain((remote) =>
    fc
      .tuple(
        remote ? ssh : root,
        remote ? none : opt('--from', read(['{CASE}/in/facts.json'], ['{CASE}/in/facts.json\n'])),
        opt('--docker-host', optionValue(DOCKER_HOSTS.slice(0, 1), DOCKER_HOSTS.slice(1))),
        remote ? none : fc.oneof({ weight: 9, arbitrary: none }, { weight: 1, arbitrary: ssh }),
        flag('--no-engine'),
        flag('--no-color'),
      )
      .map((parts) => parts.flat()),
  );
}

const commandLine: fc.Arbitrary<{ words: string[]; command: string }> = fc
  .constantFrom(...Object.keys(COMMANDS))
  .chain((command) =>
    fc
      .tuple(...COMMANDS[command]!)
      .chain((groups) =>
        fc.shuffledSubarray(groups, { minLength: groups.length }).map((shuffled) => ({ command, words: [...command.split(' '), ...shuffled.flat()] })),
      ),
  );

/** A stray word at a random place now and then. */
const withStray = (words: string[]): fc.Arbitrary<string[]> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constant(words) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(words.length), fc.constantFrom(...STRAY)).map(([at, w]) => [...words.slice(0, at), w, ...words.slice(at)]) },
  );

const files = fc
  .tuple(fc.nat(hostFacts.length), fc.constantFrom(...dockerfiles), fc.constantFrom(...composeFiles))
  .map(([host, dockerfile, composeText]): Entry[] => [
    // One facts file without an engine: the commands that need one then stop early on purpose.
    {
      path: 'in/facts.json',
      type: 'file',
      content: host === hostFacts.length ? noEngineFacts : JSON.stringify({ ...(hostFacts[host] as object), root: '{ROOT}' }),
    },
    {
      path: 'in/profile.yaml',
      type: 'file',
      content: 'name: mine\nextends: strict\nwaivers:\n  - id: "2.15"\n    reason: accepted\n    expires: 2999-01-01\n',
    },
    { path: 'in/empty', type: 'file', content: '' },
    { path: 'in/fifo', type: 'fifo' },
    { path: 'in/dir', type: 'dir' },
    { path: 'out/fifo', type: 'fifo' },
    { path: 'out/full', type: 'symlink', target: '/dev/full' },
    { path: 'out/link-out', type: 'symlink', target: '{DECOY}/world' },
    { path: 'out/file', type: 'file', content: 'x' },
    { path: 'root/app/Dockerfile', type: 'file', content: dockerfile },
    { path: 'root/srv/app/compose.yml', type: 'file', content: composeText },
    ...backupSetEntries(),
  ]);

export const cliArgsCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    commandLine.chain((line) => globals(line.command).map((global) => ({ ...line, global }))),
    fc.boolean(),
    files,
    environment,
    fc.boolean(),
  )
  .chain(([{ global, words }, globalsFirst, entries, env, asPlugin]) =>
    withStray(globalsFirst ? [...global, ...words] : [...words, ...global]).map((argv) => ({
      kind: 'cli-args' as const,
      entries,
      // As a Docker CLI plugin the first word is "harden" (the environment variable says so).
      argv: asPlugin && 'DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND' in env ? ['harden', ...argv] : argv,
      env,
    })),
  );
