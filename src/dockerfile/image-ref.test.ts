import { describe, expect, it } from 'vitest';
import { parseImageRef, substituteArgs } from './image-ref.js';

describe('parseImageRef', () => {
  it.each([
    ['alpine', { registry: null, path: 'alpine', tag: null, digest: null }],
    ['node:20-alpine', { registry: null, path: 'node', tag: '20-alpine', digest: null }],
    ['localhost:5000/team/app:1.2@sha256:abc', { registry: 'localhost:5000', path: 'team/app', tag: '1.2', digest: 'sha256:abc' }],
    ['ghcr.io/org/img@sha256:def', { registry: 'ghcr.io', path: 'org/img', tag: null, digest: 'sha256:def' }],
    ['local/busybox:1', { registry: null, path: 'local/busybox', tag: '1', digest: null }],
  ])('%s', (ref, want) => {
    expect(parseImageRef(ref)).toMatchObject(want);
  });

  it('knows scratch', () => {
    expect(parseImageRef('scratch').scratch).toBe(true);
    expect(parseImageRef('me/scratch').scratch).toBe(false);
  });
});

describe('substituteArgs', () => {
  const args = new Map<string, string | null>([
    ['BASE', 'alpine:3.19'],
    ['EMPTY', ''],
    ['UNSET', null],
  ]);
  it('substitutes $X, ${X} and the default forms', () => {
    expect(substituteArgs('${BASE}', args)).toEqual({ value: 'alpine:3.19', used: ['BASE'] });
    expect(substituteArgs('img:$BASE', args)?.value).toBe('img:alpine:3.19');
    expect(substituteArgs('img:${UNSET:-1.0}', args)?.value).toBe('img:1.0');
    expect(substituteArgs('img:${EMPTY:-2.0}', args)?.value).toBe('img:2.0');
    expect(substituteArgs('img:${EMPTY-3.0}', args)?.value).toBe('img:');
    expect(substituteArgs('img${BASE:+-x}', args)?.value).toBe('img-x');
  });
  it('returns null where a value depends on --build-arg', () => {
    expect(substituteArgs('alpine:${UNSET}', args)).toBeNull();
    expect(substituteArgs('alpine:${NEVER_DECLARED}', args)).toBeNull();
  });
});
