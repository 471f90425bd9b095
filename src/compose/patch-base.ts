// Patching a base compose file where an override cannot remove what must go. The change is made
// twice: on a parsed Document through its API (deleteIn/setIn, the reference result), and as text
// edits at the nodes' source ranges (what is written, so comments and layout stay). The text
// result is used only when it parses to exactly the Document's value; otherwise the Document is
// serialised, which is correct but may reformat the file.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { BaseOp } from './placement.js';
import { applyEdits, overlapping, removeItems, removePair, replaceItem, replaceScalar, type TextEdit } from './source-edits.js';
import { composeJs, parseCompose, TO_STRING } from './yaml-io.js';

export interface ServiceOp {
  service: string;
  op: BaseOp;
}

export interface PatchResult {
  text: string;
  /** The ops that changed something in this file. */
  applied: Set<BaseOp>;
  /** True where the text edits could not be used and the whole file was re-serialised. */
  reformatted: boolean;
}

const nodeValue = (doc: Document, n: unknown): unknown => (isScalar(n) ? n.value : (n as Node & { toJS(d: Document): unknown }).toJS(doc));

function findPair(doc: Document, path: readonly string[]): Pair | null {
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return null;
  return (parent.items.find((p) => isScalar(p.key) && String(p.key.value) === path.at(-1)) as Pair | undefined) ?? null;
}

export function patchComposeFile(text: string, ops: readonly ServiceOp[]): PatchResult {
  const source = parseCompose(text);
  const expected = parseCompose(text);
  const edits: (TextEdit | null)[] = [];
  const applied = new Set<BaseOp>();
  for (const { service, op } of ops) {
    const path = ['services', service, ...op.path];
    const pair = findPair(source, path);
    const parent = source.getIn(path.slice(0, -1), true);
    if (!pair || !isMap(parent) || isAlias(pair.value)) continue;
    if (op.action === 'remove-key') {
      edits.push(removePair(text, parent, pair));
      expected.deleteIn(path);
      applied.add(op);
    } else if (op.action === 'set') {
      if (!isScalar(pair.value) || pair.value.value === op.value) continue;
      edits.push(replaceScalar(pair.value, op.value));
      expected.setIn(path, op.value);
      applied.add(op);
    } else if (isSeq(pair.value)) {
      const seq = pair.value;
      const hits = seq.items.flatMap((n, i) => (!isAlias(n) && op.match(nodeValue(source, n)) ? [i] : []));
      if (hits.length === 0) continue;
      applied.add(op);
      if (op.action === 'replace-items') {
        for (const i of hits) {
          const value = op.replace(nodeValue(source, seq.items[i]));
          const itemEdits = replaceItem(text, seq.items[i] as Node, value);
          edits.push(...(itemEdits ?? [null]));
          expected.setIn([...path, i], expected.createNode(value));
        }
      } else if (hits.length === seq.items.length) {
        // An empty list left behind reads as "none" in some keys and as an error in others.
        edits.push(removePair(text, parent, pair));
        expected.deleteIn(path);
      } else {
        edits.push(...(removeItems(text, seq, new Set(hits)) ?? [null]));
        const target = expected.getIn(path, true);
        if (isSeq(target)) for (const i of [...hits].reverse()) target.delete(i);
      }
    }
  }
  if (applied.size === 0) return { text, applied, reformatted: false };
  const wanted = JSON.stringify(composeJs(expected));
  if (edits.every((e): e is TextEdit => e !== null) && !overlapping(edits)) {
    const patched = applyEdits(text, edits);
    const reparsed = parseCompose(patched);
    if (reparsed.errors.length === 0 && JSON.stringify(composeJs(reparsed)) === wanted) return { text: patched, applied, reformatted: false };
  }
  return { text: expected.toString(TO_STRING), applied, reformatted: true };
}
