// Patching a base compose file where an override cannot remove what must go. The change is made
// twice: on a parsed Document through its API (deleteIn/setIn, the reference result), and as text
// edits at the nodes' source ranges (what is written, so comments and layout stay). The text
// result is used only when it parses to exactly the Document's value; otherwise the Document is
// serialised, which is correct but may reformat the file.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { BaseOp } from './placement.js';
import { removeItems, removePair, replaceItem, replaceScalar } from './source-edits.js';
import { applyTextEdits, overlapping, type TextEdit } from '../core/text-edits.js';
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

/** Each service's mapping by name (the first of duplicates, as getIn finds it), looked up once per file. */
function serviceNodes(doc: Document): Map<unknown, YAMLMap> {
  const index = new Map<unknown, YAMLMap>();
  const services = doc.get('services', true);
  if (!isMap(services)) return index;
  for (const p of services.items) {
    const key = isScalar(p.key) ? p.key.value : p.key;
    if (!index.has(key) && isMap(p.value)) index.set(key, p.value);
  }
  return index;
}

/** The node at `path` inside a service; the whole service for an empty path. */
function inService(service: YAMLMap | undefined, path: readonly string[]): unknown {
  return path.length === 0 ? service : service?.getIn(path, true);
}

function findPair(parent: unknown, key: string | undefined): Pair | null {
  if (!isMap(parent)) return null;
  return (parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined) ?? null;
}

export function patchComposeFile(text: string, ops: readonly ServiceOp[]): PatchResult {
  const source = parseCompose(text);
  const expected = parseCompose(text);
  const sourceServices = serviceNodes(source);
  const expectedServices = serviceNodes(expected);
  const edits: (TextEdit | null)[] = [];
  const applied = new Set<BaseOp>();
  for (const { service, op } of ops) {
    const path = op.path;
    const parent = inService(sourceServices.get(service), path.slice(0, -1));
    const pair = findPair(parent, path.at(-1));
    const target = expectedServices.get(service);
    if (!pair || !isMap(parent) || isAlias(pair.value) || !target) continue;
    if (op.action === 'remove-key') {
      edits.push(removePair(text, parent, pair));
      target.deleteIn(path);
      applied.add(op);
    } else if (op.action === 'set') {
      if (!isScalar(pair.value) || pair.value.value === op.value) continue;
      edits.push(replaceScalar(pair.value, op.value));
      target.setIn(path, op.value);
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
          target.setIn([...path, i], expected.createNode(value));
        }
      } else if (hits.length === seq.items.length) {
        // An empty list left behind reads as "none" in some keys and as an error in others.
        edits.push(removePair(text, parent, pair));
        target.deleteIn(path);
      } else {
        edits.push(...(removeItems(text, seq, new Set(hits)) ?? [null]));
        const list = target.getIn(path, true);
        if (isSeq(list)) for (const i of [...hits].reverse()) list.delete(i);
      }
    }
  }
  if (applied.size === 0) return { text, applied, reformatted: false };
  const wanted = JSON.stringify(composeJs(expected));
  if (edits.every((e): e is TextEdit => e !== null) && !overlapping(edits)) {
    const patched = applyTextEdits(text, edits);
    const reparsed = parseCompose(patched);
    if (reparsed.errors.length === 0 && JSON.stringify(composeJs(reparsed)) === wanted) return { text: patched, applied, reformatted: false };
  }
  return { text: expected.toString(TO_STRING), applied, reformatted: true };
}
