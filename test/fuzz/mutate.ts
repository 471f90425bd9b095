// Mutations shared by the generators: hostile strings, JSON values changed at random places, and
// text cut, spliced and salted with the characters parsers and quoters get wrong.
import fc from 'fast-check';

/** Strings that have broken path checks, quoters, terminals and parsers before. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '..',
  '../../../../outside',
  '/etc/../../../outside/x',
  'daemon.json',
  '/',
  '//',
  '/etc/docker/\n/x',
  '"',
  "'",
  'a\'b"c',
  '$(touch /tmp/pwned)',
  '`id`',
  '${HOME}',
  '\\',
  '\u001b[31mred\u0007',
  '\u0000',
  'é',
  '\u202e',
  '-rf',
  '--root=/',
  '*',
  '~',
  '#',
  '&&',
  '|',
  ';',
  '{{x}}',
  'x'.repeat(5000),
  '{DECOY}/secret',
  '{DECOY}/world',
];

export const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }));

/** JSON values of every type, hostile ones weighted up. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 0o777, 4294967296, Number.MAX_SAFE_INTEGER, 1e308, [], {}) },
  { weight: 1, arbitrary: fc.constantFrom({ constructor: '#' }, { __proto__x: 1, toString: 5 }, JSON.parse('{"__proto__": {"polluted": true}}'), [[[[[]]]]]) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Replace (or delete, or add) the value at a path picked by `selectors` (each index taken modulo the container's size). */
export function mutateAt(value: unknown, selectors: readonly number[], replacement: unknown, action: 'set' | 'delete' | 'add'): unknown {
  if (selectors.length === 0 || value === null || typeof value !== 'object') return action === 'delete' ? undefined : replacement;
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return action === 'add' ? (Array.isArray(value) ? [replacement] : { ...value, fuzz: replacement }) : replacement;
  const key = keys[selectors[0]! % keys.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  if (action === 'add' && selectors.length === 1) {
    if (Array.isArray(copy)) (copy as unknown[]).push(replacement);
    else copy[`fuzz${selectors[0]}`] = replacement;
    return copy;
  }
  const inner = mutateAt((value as Record<string | number, unknown>)[key], selectors.slice(1), replacement, action);
  if (inner === undefined) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(key as number, 1);
    else delete copy[key];
  } else copy[key] = inner;
  return copy;
}

const jsonMutation = fc.record({
  selectors: fc.array(fc.nat(1000), { minLength: 1, maxLength: 6 }),
  replacement: hostileJson,
  action: fc.constantFrom<'set' | 'delete' | 'add'>('set', 'set', 'delete', 'add'),
});

/** A JSON document with 1 to 4 values changed somewhere in it. */
export function mutatedJson(base: unknown): fc.Arbitrary<unknown> {
  return fc.array(jsonMutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce((v, m) => mutateAt(v, m.selectors, m.replacement, m.action), base));
}

const SALT = ['"', "'", '\\', '\n', '\r\n', '\t', '$', '`', '{', '}', '[', ']', ':', ',', '&', '*', '<<', '- ', '#', '\u0000', '\u001b', '\uFEFF', '..', '/'];

const textOp = fc.record({
  at: fc.nat(),
  len: fc.nat(40),
  kind: fc.constantFrom('insert', 'delete', 'duplicate', 'salt'),
  text: fc.oneof(fc.constantFrom(...SALT), hostileString),
});

/** The text with 1 to 5 random edits: inserts, deletions, duplicated spans, special characters. */
export function mutatedText(base: string): fc.Arbitrary<string> {
  return fc.array(textOp, { minLength: 1, maxLength: 5 }).map((ops) =>
    ops.reduce((t, op) => {
      const at = t.length === 0 ? 0 : op.at % (t.length + 1);
      if (op.kind === 'insert') return t.slice(0, at) + op.text + t.slice(at);
      if (op.kind === 'delete') return t.slice(0, at) + t.slice(at + op.len);
      if (op.kind === 'duplicate') return t.slice(0, at + op.len) + t.slice(at, at + op.len) + t.slice(at + op.len);
      return t.slice(0, at) + op.text + t.slice(at + 1);
    }, base),
  );
}
