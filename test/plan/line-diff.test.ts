// The unified diff for large files: cut at anchor lines, it must still describe the change exactly
// (applying it gives the new text) and, for edits spread through a file, match the diff package's
// own output line for line; and it must stay fast where Myers' O(N·D) was not.
import { applyPatch, formatPatch, structuredPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedPatch } from '../../src/plan/line-diff.js';

/** A deterministic pseudo-random source, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function edited(seed: number, lines: number): { before: string; after: string } {
  const r = random(seed);
  const a = Array.from({ length: lines }, (_, i) => (r() < 0.3 ? `  common: ${Math.floor(r() * 5)}` : `  line${i}: ${Math.floor(r() * 1000)}`));
  const b = a.flatMap((l) => {
    const x = r();
    return x < 0.03 ? [] : x < 0.06 ? [`${l}x`] : x < 0.08 ? [l, `new ${Math.floor(r() * 3)}`] : [l];
  });
  return { before: a.join('\n') + (seed % 3 ? '\n' : ''), after: b.join('\n') + (seed % 4 ? '\n' : '') };
}

describe('unifiedPatch', () => {
  it('gives the diff package its own output on small files', () => {
    const { before, after } = edited(1, 200);
    expect(unifiedPatch('a', 'b', before, after, 3)).toEqual(structuredPatch('a', 'b', before, after, undefined, undefined, { context: 3 }));
  });

  it('describes large files exactly, in the layout the diff package would give', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { before, after } = edited(seed, 1500);
      const patch = formatPatch(unifiedPatch('a', 'b', before, after, 3));
      expect(applyPatch(before, patch)).toBe(after);
      expect(patch).toBe(formatPatch(structuredPatch('a', 'b', before, after, undefined, undefined, { context: 3 })));
    }
  });

  it('stays near linear: a 60,000-line file with an edit every 10 lines', () => {
    const before = Array.from({ length: 60_000 }, (_, i) => `  svc${i}: value ${i}`).join('\n') + '\n';
    const after = before.replace(/value (\d*0)\n/g, 'value $1 changed\n');
    const start = performance.now();
    const patch = formatPatch(unifiedPatch('a', 'b', before, after, 4));
    expect(performance.now() - start).toBeLessThan(5000);
    expect(applyPatch(before, patch)).toBe(after);
  });

  it('handles created and emptied files and a missing final newline', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `l${i}`).join('\n');
    for (const [before, after] of [
      ['', big],
      [big, ''],
      [big, `${big}\n`],
      [`${big}\n`, big],
    ]) {
      expect(formatPatch(unifiedPatch('a', 'b', before!, after!, 3))).toBe(
        formatPatch(structuredPatch('a', 'b', before!, after!, undefined, undefined, { context: 3 })),
      );
    }
  });
});
