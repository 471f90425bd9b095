// Names that reach reports: container, image, host and file names in the facts replaced by markup,
// quotes, control characters, lone surrogates and huge strings, then written as every report format.
// The output must stay what its format promises: HTML and XML with the markup escaped, JSON that parses.
import fc from 'fast-check';
import type { FuzzCase, OutputCheck } from './case.js';
import { hostFacts } from './fixtures.js';

/** Markers the checks look for: found raw in HTML or XML output, a name was not escaped. */
const HOSTILE_NAMES = [
  '<fz-inject>',
  '</script><fz-inject>',
  '" fz-attr="1',
  "' fz-attr='1",
  ']]><fz-inject>',
  '<!--',
  '&amp;&lt;',
  '\u0000nul',
  '\u001b[2J\u001b]0;title\u0007',
  '\u0008\u000b\u000c\u007f\u0085',
  '\ud800lone',
  '\udfff',
  '\uffff\ufffe',
  '\u202eevil\u2066',
  'a\r\nb',
  '{{ x }}',
  '${x}',
  '__proto__',
  'x'.repeat(20_000),
];

/** Keys whose string values are names a person or an image chose. */
const NAME_KEYS = new Set([
  'Name',
  'Image',
  'hostname',
  'RepoTags',
  'Path',
  'path',
  'User',
  'Hostname',
  'Source',
  'Destination',
  'Labels',
  'Comment',
  'CreatedBy',
]);

/** The facts with each name at NAME_KEYS replaced (or not) as `dice` says, cycling through the dice. */
function withHostileNames(facts: unknown, dice: readonly number[]): unknown {
  let i = 0;
  const roll = () => dice[i++ % dice.length]!;
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === 'string') {
      const n = roll();
      if (key === undefined || !NAME_KEYS.has(key) || n >= HOSTILE_NAMES.length) return v;
      // Paths stay absolute, as the facts schema wants them: the name is what follows the slash.
      return /path|Source|Destination/i.test(key) ? `/${HOSTILE_NAMES[n]}` : HOSTILE_NAMES[n];
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: walk(x, k), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  return walk(facts, undefined);
}

const REPORTS: readonly [string[], OutputCheck | undefined][] = [
  [['audit', '--format', 'html'], 'html'],
  [['audit', '--format', 'junit'], 'xml'],
  [['audit', '--format', 'sarif'], 'json'],
  [['audit', '--format', 'json'], 'json'],
  [['audit', '--format', 'table', '--verbose'], undefined],
  [['audit', '-p', 'strict', '--format', 'html'], 'html'],
  [['plan', '-p', 'strict', '--format', 'json'], 'json'],
  [['plan', '-p', 'strict'], undefined],
  [['inspect', '--json'], 'json'],
  [['inspect'], undefined],
];

export const reportNamesCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.nat(hostFacts.length - 1), fc.array(fc.nat(HOSTILE_NAMES.length * 3), { minLength: 7, maxLength: 40 }), fc.constantFrom(...REPORTS))
  .map(([host, dice, [cmd, check]]) => ({
    kind: 'report-names' as const,
    entries: [
      { path: 'in/facts.json', type: 'file' as const, content: JSON.stringify({ ...(withHostileNames(hostFacts[host], dice) as object), root: '{ROOT}' }) },
    ],
    argv: ['--from', '{CASE}/in/facts.json', '--root', '{ROOT}', ...cmd],
    ...(check ? { outputCheck: check } : {}),
  }));
