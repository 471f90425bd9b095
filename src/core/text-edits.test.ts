// Applying text edits in one pass: the same text the edit-by-edit application gave (removal and
// insertion at one offset, insertions listed at one offset, insertions ordered by `order`),
// overlap found in sorted order and refused, and thousands of edits in linear time.
import { describe, expect, it } from 'vitest';
import { applyTextEdits, overlapping, type TextEdit } from './text-edits.js';

/** The former application: back to front, each edit splicing the whole text. */
function oneByOne(src: string, edits: readonly TextEdit[]): string {
  let out = src;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
const pairwiseOverlap = (edits: readonly TextEdit[]) => edits.some((a, i) => edits.some((b, j) => i < j && a.start < b.end && b.start < a.end));

describe('applyTextEdits and overlapping', () => {
  it('agree with edit-by-edit application on random edits', () => {
    let seed = 7;
    const r = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let t = 0; t < 5000; t++) {
      const edits = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => {
        const start = Math.floor(r() * 16);
        return { start, end: Math.min(16, start + (r() < 0.4 ? 0 : Math.floor(r() * 4))), text: `X${i}` };
      });
      expect(overlapping(edits)).toBe(pairwiseOverlap(edits));
      if (!pairwiseOverlap(edits)) expect(applyTextEdits('abcdefghijklmnop', edits)).toBe(oneByOne('abcdefghijklmnop', edits));
    }
  });

  it('puts an insertion before the removal that starts at its offset', () => {
    expect(
      applyTextEdits('0123456789', [
        { start: 2, end: 5, text: 'R' },
        { start: 2, end: 2, text: 'I' },
      ]),
    ).toBe('01IR56789');
  });

  it('applies 20,000 edits to a 1 MB text quickly', () => {
    const src = 'x'.repeat(1_000_000);
    const edits = Array.from({ length: 20_000 }, (_, i) => ({ start: i * 50, end: i * 50 + 1, text: 'y' }));
    const start = performance.now();
    expect(overlapping(edits)).toBe(false);
    expect(applyTextEdits(src, edits).split('y').length).toBe(20_001);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('applyTextEdits with ordered edits', () => {
  it('puts inserts at one offset in their order', () => {
    const edits = [
      { start: 4, end: 4, text: 'B', order: 2 },
      { start: 4, end: 4, text: 'A', order: 1 },
      { start: 0, end: 1, text: 'x', order: 0 },
    ];
    expect(applyTextEdits('0123456', edits)).toBe('x123AB456');
  });

  it('refuses overlapping replacements', () => {
    expect(() =>
      applyTextEdits('abcdef', [
        { start: 0, end: 3, text: '', order: 0 },
        { start: 2, end: 4, text: '', order: 0 },
      ]),
    ).toThrow(/overlapping/);
  });
});
