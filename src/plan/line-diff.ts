// The unified diff of two texts, as the `diff` package's structuredPatch lays it out, in time
// near linear in the file size. Myers' algorithm costs O(N·D): a compose file of 2,000 services
// with an edit in each took seconds. Large inputs are cut at anchor lines (lines that occur once
// in each text, kept in order) and only the regions between anchors go through Myers; small ones
// go to the package whole, so their output is the package's own.
import { diffArrays, structuredPatch, type StructuredPatch, type StructuredPatchHunk } from 'diff';

/** Below this many lines (both sides together) the package's own diff is fast enough. */
const WHOLE_DIFF_LINES = 2000;
/** A region between anchors with more edits than this is shown as removed, then added. */
const MAX_REGION_EDITS = 1000;

interface Run {
  kind: 'same' | 'removed' | 'added';
  lines: string[];
}

export function unifiedPatch(oldName: string, newName: string, before: string, after: string, context: number): StructuredPatch {
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length + b.length <= WHOLE_DIFF_LINES) return structuredPatch(oldName, newName, before, after, undefined, undefined, { context });
  return { oldFileName: oldName, newFileName: newName, oldHeader: undefined, newHeader: undefined, hunks: hunksOf(lineRuns(a, b), context) };
}

/** Lines with their line breaks, as the package's line tokenizer cuts them. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/** Runs of same / removed / added lines, with anchors matched first and Myers between them. */
function lineRuns(a: string[], b: string[]): Run[] {
  const runs: Run[] = [];
  const push = (kind: Run['kind'], lines: string[]) => {
    if (lines.length === 0) return;
    const last = runs.at(-1);
    if (last?.kind === kind) for (const l of lines) last.lines.push(l);
    else runs.push({ kind, lines: [...lines] });
  };
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors(a, b), [a.length, b.length]]) {
    diffRegion(a.slice(i, ai), b.slice(j, bj), push);
    if (ai < a.length) push('same', [a[ai]!]);
    i = ai + 1;
    j = bj + 1;
  }
  return runs;
}

function diffRegion(a: string[], b: string[], push: (kind: Run['kind'], lines: string[]) => void): void {
  if (a.length === 0 || b.length === 0) {
    push('removed', a);
    push('added', b);
    return;
  }
  const changes = diffArrays(a, b, { maxEditLength: MAX_REGION_EDITS });
  if (!changes) {
    push('removed', a);
    push('added', b);
    return;
  }
  for (const c of changes) push(c.added ? 'added' : c.removed ? 'removed' : 'same', c.value);
}

/** Pairs (index in a, index in b) of lines unique in both texts, the longest run kept in order. */
function anchors(a: string[], b: string[]): [number, number][] {
  const count = (lines: string[]) => {
    const seen = new Map<string, number>();
    for (const [i, l] of lines.entries()) seen.set(l, seen.has(l) ? -1 : i);
    return seen;
  };
  const inA = count(a);
  const inB = count(b);
  const pairs: [number, number][] = [];
  for (const [line, ai] of inA) {
    const bj = inB.get(line);
    if (ai >= 0 && bj !== undefined && bj >= 0) pairs.push([ai, bj]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(pairs);
}

/** Longest subsequence with increasing b index (patience sorting, O(n log n)). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev = new Array<number>(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < pairs[k]![1]) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}

/** Hunks with `context` lines around each change, joined where the gap is short, as the package makes them. */
function hunksOf(runs: Run[], context: number): StructuredPatchHunk[] {
  const hunks: StructuredPatchHunk[] = [];
  let hunk: StructuredPatchHunk | null = null;
  let oldLine = 1;
  let newLine = 1;
  for (let r = 0; r < runs.length; r++) {
    const { kind, lines } = runs[r]!;
    if (kind !== 'same') {
      if (!hunk) {
        const lead = r > 0 && context > 0 ? runs[r - 1]!.lines.slice(-context) : [];
        hunk = { oldStart: oldLine - lead.length, oldLines: 0, newStart: newLine - lead.length, newLines: 0, lines: lead.map((l) => ' ' + l) };
      }
      for (const l of lines) hunk.lines.push((kind === 'added' ? '+' : '-') + l);
      if (kind === 'added') newLine += lines.length;
      else oldLine += lines.length;
      continue;
    }
    if (hunk) {
      const last = r === runs.length - 1;
      const keep = !last && lines.length <= context * 2 ? lines.length : Math.min(lines.length, context);
      for (const l of lines.slice(0, keep)) hunk.lines.push(' ' + l);
      if (keep < lines.length || last) {
        hunk.oldLines = oldLine - hunk.oldStart + keep;
        hunk.newLines = newLine - hunk.newStart + keep;
        hunks.push(hunk);
        hunk = null;
      }
    }
    oldLine += lines.length;
    newLine += lines.length;
  }
  if (hunk) {
    hunk.oldLines = oldLine - hunk.oldStart;
    hunk.newLines = newLine - hunk.newStart;
    hunks.push(hunk);
  }
  return hunks.map(withoutLineBreaks);
}

/** Line breaks dropped; a line without one is followed by the "\ No newline at end of file" marker. */
function withoutLineBreaks(hunk: StructuredPatchHunk): StructuredPatchHunk {
  const lines: string[] = [];
  for (const l of hunk.lines) {
    if (l.endsWith('\n')) lines.push(l.slice(0, -1));
    else lines.push(l, '\\ No newline at end of file');
  }
  return { ...hunk, lines };
}
