// One model for changing a text file in place: replacements of ranges of the original text,
// applied in one pass, so everything not edited (comments, quoting, blank lines, line breaks)
// stays byte for byte. Dockerfile fixes and compose file patches are both written this way.

export interface TextEdit {
  /** The range of the original text that `text` replaces, [start, end); an insertion has start === end. */
  start: number;
  end: number;
  text: string;
  /** Among edits of one range, a lower order comes first; with equal orders, the edit listed last comes first. */
  order?: number;
}

/** Edits by position; at one offset the shorter first (an insertion before the removal that starts there). */
function inOrder(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end || (x.e.order ?? 0) - (y.e.order ?? 0) || y.i - x.i)
    .map(({ e }) => e);
}

/** True where two edits touch the same text (an insertion at the edge of a removal does not). */
export function overlapping(edits: readonly TextEdit[]): boolean {
  // In start order, an edit overlaps an earlier one exactly when it starts before the furthest end so far.
  let furthest = -Infinity;
  for (const e of inOrder(edits)) {
    if (e.start < furthest) return true;
    furthest = Math.max(furthest, e.end);
  }
  return false;
}

/** Apply edits (in any order) to the text in one pass; overlapping edits are a bug in their maker. */
export function applyTextEdits(src: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of inOrder(edits)) {
    if (e.start < at) throw new Error(`overlapping text edits at offset ${e.start}`);
    parts.push(src.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(src.slice(at));
  return parts.join('');
}
