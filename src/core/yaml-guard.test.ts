import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { YAML_LIMITS, yamlStructureProblem, yamlToJs } from './yaml-guard.js';

const problem = (text: string, merge = true) => yamlStructureProblem(parseDocument(text, merge ? { version: '1.1', merge: true } : {}), merge);
const lineOf = (text: string, offset?: number) => (offset === undefined ? undefined : text.slice(0, offset).split('\n').length);

describe('yaml guard', () => {
  it('lets ordinary anchors, aliases and merge keys through', () => {
    const text = 'x: &c {restart: always}\nl: &l [a]\nservices:\n  web:\n    <<: [*c, {user: u}]\n    labels: *l\n';
    expect(problem(text)).toBeNull();
    expect(yamlToJs(parseDocument(text, { version: '1.1', merge: true }))).toEqual({
      ok: true,
      value: { x: { restart: 'always' }, l: ['a'], services: { web: { restart: 'always', user: 'u', labels: ['a'] } } },
    });
  });

  it('stops an alias bomb at its first alias, naming the limit', () => {
    const text = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdef'.split('').map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcdef'[i]}`).join(', ')}]`),
    ].join('\n');
    const found = problem(text)!;
    expect(found.message).toContain(YAML_LIMITS.maxExpandedNodes.toLocaleString('en-US'));
    expect(lineOf(text, found.offset)).toBe(2);
  });

  it('names unresolved aliases, aliases inside their own anchor, and merge keys without a mapping', () => {
    expect(problem('a: 1\nb: *x\n')).toMatchObject({ message: 'the alias *x names no anchor defined before it', offset: 8 });
    expect(problem('a: &a [1, *a]\n')?.message).toMatch(/points into the node that holds it/);
    for (const bad of ['<<: 5', '<<: [1]', '<<: abc']) expect(problem(`m:\n  ${bad}\n`)?.message).toMatch(/merge key/);
    // Without merge keys (YAML 1.2 profiles) `<<` is an ordinary key.
    expect(problem('m:\n  <<: 5\n', false)).toBeNull();
  });
});
