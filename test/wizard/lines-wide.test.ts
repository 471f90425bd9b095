// Wide characters at the edges of truncate and wrap: the cut never overflows the width, and
// wrapping neither drops, repeats nor loops on a character wider than the line.
import { describe, expect, it } from 'vitest';
import { cells, truncate, wrap } from '../../src/wizard/model/lines.js';

describe('wide characters at the cut', () => {
  it('truncates to at most the width when a wide character straddles the cut', () => {
    expect(truncate('漢漢漢', 4)).toBe('漢…');
    expect(truncate('漢漢漢', 2)).toBe('…');
    for (let w = 1; w <= 12; w++) expect(cells(truncate('ab漢字x漢字y漢字', w)), `width ${w}`).toBeLessThanOrEqual(w);
  });

  it('wraps every character exactly once, within the width', () => {
    const text = '…字/bxbé-漢…abcdef漢 abcdef…字cabcdef';
    for (let w = 2; w <= 12; w++) {
      const lines = wrap(text, w);
      expect(lines.join('').replace(/ /g, ''), `width ${w}`).toBe(text.replace(/ /g, ''));
      for (const l of lines) expect(cells(l), `width ${w}: ${l}`).toBeLessThanOrEqual(w);
    }
  });

  it('ends on a character wider than a one-cell line', () => {
    expect(wrap('漢字', 1).join('')).toBe('漢字');
  });
});
