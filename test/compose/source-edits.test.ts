// Applying text edits in one pass: the same text the edit-by-edit application gave (removal and
// insertion at one offset, insertions listed at one offset), overlap found in sorted order, and
// thousands of edits in linear time.
import { describe, expect, it } from 'vitest';
import { applyEdits, overlapping, type TextEdit } from '../../src/compose/source-edits.js';

/** The former application: back to front, each edit splicing the whole text. */
function oneByOne(src: string, edits: readonly TextEdit[]): string {
  let out = src;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
const pairwiseOverlap = (edits: readonly TextEdit[]) => edits.some((a, i) => edits.some((b, j) => i < j && a.start < b.end && b.start < a.end));

describe('applyEdits and overlapping', () => {
  it('agree with edit-by-edit application on random edits', () => {
    let seed = 7;
    const r = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let t = 0; t < 5000; t++) {
      const edits = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => {
        const start = Math.floor(r() * 16);
        return { start, end: Math.min(16, start + (r() < 0.4 ? 0 : Math.floor(r() * 4))), text: `X${i}` };
      });
      expect(overlapping(edits)).toBe(pairwiseOverlap(edits));
      if (!pairwiseOverlap(edits)) expect(applyEdits('abcdefghijklmnop', edits)).toBe(oneByOne('abcdefghijklmnop', edits));
    }
  });

  it('puts an insertion before the removal that starts at its offset', () => {
    expect(
      applyEdits('0123456789', [
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
    expect(applyEdits(src, edits).split('y').length).toBe(20_001);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
