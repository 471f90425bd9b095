// Values for command-line options and the environment: mostly good ones (so a command gets past its
// first check and deep into its work), the rest the values that have broken option parsers, path
// checks and endpoint parsers: option-looking words, newlines, NULs, prototype names, huge numbers.
import fc from 'fast-check';
import { hostileString } from './mutate.js';

/** Wrong for every option: empty, option-looking, multi-line, prototype names, huge. */
export const ANY_BAD = [
  '',
  ' ',
  '-',
  '--',
  '-x',
  '--help',
  '--root',
  'a\nb',
  'x\u0000y',
  '\u001b[2J\u001b]0;title\u0007',
  '\u202eevil',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'x'.repeat(10_000),
];

/** A good value most of the time, one the option is known to get wrong otherwise, a random one rarely. */
export function optionValue(good: readonly string[], bad: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...good) },
    { weight: 3, arbitrary: fc.constantFrom(...bad, ...ANY_BAD) },
    { weight: 1, arbitrary: hostileString },
  );
}

/** Files the command only reads: anything may be named, devices and FIFOs included. */
export const READ_PATHS = [
  '{CASE}/in/empty',
  '{CASE}/in/fifo',
  '{CASE}/in/dir',
  '{CASE}/in/nope',
  '{DECOY}/secret',
  '{DECOY}/link-to-secret',
  '/dev/zero',
  '/dev/urandom',
  '/dev/null',
  '/proc/self/mem',
  '/proc/self/fd/0',
  '/',
  '.',
  '..',
  '~/x',
];

/** Where a command may write its output: only under out/, but named every awkward way. */
export const OUTPUT_PATHS = {
  good: ['{CASE}/out/result', '{CASE}/out/new.json', 'out/relative.txt'],
  bad: [
    '{CASE}/out',
    '{CASE}/out/',
    '{CASE}/out/missing/dir/file',
    '{CASE}/out/fifo',
    '{CASE}/out/full',
    '{CASE}/out/link-out',
    '{CASE}/out/new\nline',
    '{CASE}/out/it\'s "quoted"',
    '{CASE}/out/$(touch x)',
    '{CASE}/out/\u001b[31mred',
    `{CASE}/out/${'a'.repeat(250)}`,
    `{CASE}/out/${'d/'.repeat(2100)}f`,
    '{CASE}/out/file/under-a-file',
  ],
};

export const ROOTS = {
  good: ['{ROOT}', '{ROOT}/', '{CASE}/root/../root', 'root'],
  bad: ['', ' ', '{CASE}/in/empty', '{CASE}/in/fifo', '{CASE}/in/nope', '{ROOT}\n', '{ROOT}/\u0000', `{ROOT}/${'x/'.repeat(3000)}`],
};

export const SSH_TARGETS = [
  'user@example.invalid',
  'root@127.0.0.1:1',
  'user@[::1]:2',
  '-oProxyCommand=touch {CASE}/pwned',
  'user@-oProxyCommand=touch {CASE}/pwned',
  '-oProxyCommand=touch {CASE}/pwned@host',
  'ssh://-oProxyCommand=touch {CASE}/pwned',
  'host:0',
  'host:99999',
  'host:-1',
  'user@host:22:33',
  '@',
  ':',
  '[',
  'user@host\n-oProxyCommand=touch {CASE}/pwned',
  'user@host -oProxyCommand=x',
  "user@host'",
  'ssh://',
];

export const DOCKER_HOSTS = [
  'unix://{CASE}/tmp/no-engine.sock',
  'garbage',
  '',
  'ssh://-x',
  'ssh://-oProxyCommand=touch {CASE}/pwned',
  'ssh://user@127.0.0.1:1',
  'tcp://',
  'tcp://127.0.0.1:1',
  'tcp://127.0.0.1:0',
  'tcp://127.0.0.1:99999',
  'tcp://[::1',
  'tcp://10.255.255.1:2376',
  'unix://',
  'unix://relative.sock',
  'unix:///dev/null',
  'unix://{CASE}/in/fifo',
  'unix://{DECOY}/secret',
  'fd://',
  'npipe:////./pipe/docker_engine',
  'http://127.0.0.1:2375',
  'tcp://host:2375/path?x=1',
  'unix:///' + 'x'.repeat(200),
];

/** The environment a hostile user or CI runner may set; each case takes a few of these. */
export const ENVIRONMENT: Record<string, readonly (string | null)[]> = {
  COLUMNS: ['-5', '0', '1', '99999999999999999999', 'abc', ''],
  LINES: ['-1', '0', 'x'],
  TERM: ['dumb', 'xterm-256color', '', '\u001b'],
  DOCKER_HOST: DOCKER_HOSTS,
  DOCKER_TLS_VERIFY: ['1', '', '0'],
  DOCKER_CERT_PATH: ['{CASE}/in/dir', '{CASE}/in/fifo', '/dev/zero', '{DECOY}', '', 'relative'],
  DOCKER_CONTENT_TRUST: ['1', '0', '\u001b[31m', 'x'.repeat(1000)],
  HOME: [null, '', '/nonexistent', '{CASE}/in/empty', 'relative'],
  XDG_CONFIG_HOME: ['', '/nonexistent', '{CASE}/in/fifo'],
  XDG_RUNTIME_DIR: ['', '/nonexistent', '{CASE}/in/empty'],
  TZ: ['garbage', 'Pacific/Kiritimati', 'Etc/GMT+12', ''],
  LANG: ['tr_TR.UTF-8', 'C', ''],
  NO_COLOR: [null, ''],
  FORCE_COLOR: ['0', 'x', ''],
  DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND: ['harden', ''],
};

export const environment: fc.Arbitrary<Record<string, string | null>> = fc
  .subarray(Object.keys(ENVIRONMENT), { maxLength: 4 })
  .chain((keys) => fc.tuple(...keys.map((k) => fc.constantFrom(...ENVIRONMENT[k]!))).map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]!]))));
