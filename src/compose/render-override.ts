// The hardening override file: one mapping per service with the entries placement chose, each
// under a comment naming the CIS items it closes. An override this tool wrote before is updated
// in place (its other keys and comments stay), so a later run never takes back an earlier fix.
import { Document, isMap, isPair, isScalar, parseDocument, Scalar, visit, type Pair } from 'yaml';
import { sortRuleIds } from '../plan-model/file-change.js';
import type { OverrideEntry } from './placement.js';
import { COMPOSE_TAGS, TO_STRING, yamlString } from './yaml-io.js';

export interface OverrideInput {
  /** Current text of the override file, or null where it does not exist. */
  existing: string | null;
  header: string;
  services: { name: string; entries: OverrideEntry[] }[];
}

export type OverrideOutput = { text: string } | { error: string };

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function union(a: unknown[], b: unknown[]): unknown[] {
  return [...a, ...b.filter((x) => !a.some((y) => sameJson(x, y)))];
}

/** The pair at path, with its key turned into a node so it can carry a comment. */
function pairAt(doc: Document, path: string[]): Pair<Scalar> | null {
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return null;
  const pair = parent.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === path.at(-1));
  if (!pair) return null;
  if (!isScalar(pair.key)) pair.key = new Scalar(pair.key);
  return pair as Pair<Scalar>;
}

function setEntry(doc: Document, service: string, entry: OverrideEntry): void {
  const path = ['services', service, ...entry.path];
  const current = doc.getIn(path, true);
  const currentJs = current && typeof current === 'object' && 'toJSON' in current ? (current as { toJSON(): unknown }).toJSON() : current;
  const value = !entry.replace && !entry.tag && Array.isArray(entry.value) && Array.isArray(currentJs) ? union(currentJs, entry.value) : entry.value;
  const node = doc.createNode(value);
  if (entry.tag) node.tag = entry.tag;
  doc.setIn(path, node);
}

/** Each top-level key of the service says which items its value closes. */
function labelKeys(doc: Document, service: string, entries: readonly OverrideEntry[]): void {
  const rules = new Map<string, string[]>();
  for (const e of entries) rules.set(e.path[0], [...(rules.get(e.path[0]) ?? []), ...e.rules]);
  // The parser hands a comment above a mapping's first key to the mapping: take an earlier run's label off it.
  const map = doc.getIn(['services', service], true);
  const first = isMap(map) ? map.items[0] : undefined;
  const firstKey = isPair(first) ? String(isScalar(first.key) ? first.key.value : first.key) : null;
  if (isMap(map) && firstKey && rules.has(firstKey) && map.commentBefore && /^ CIS [\d., ]+$/.test(map.commentBefore)) map.commentBefore = undefined;
  for (const [key, ids] of rules) {
    const pair = pairAt(doc, ['services', service, key]);
    if (pair) pair.key.commentBefore = ` CIS ${sortRuleIds(ids).join(', ')}`;
  }
}

/** Strings a YAML 1.1 reader (docker-compose 1.x) would take for a boolean or number get quotes. */
function quoteAmbiguous(doc: Document): void {
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && yamlString(node.value) !== node.value) node.type = 'QUOTE_DOUBLE';
    },
  });
}

export function renderOverride(input: OverrideInput): OverrideOutput {
  let doc: Document;
  if (input.existing !== null) {
    doc = parseDocument(input.existing, { customTags: COMPOSE_TAGS });
    if (doc.errors.length > 0) return { error: doc.errors[0].message.split('\n')[0] };
    if (!isMap(doc.contents) && doc.contents !== null) return { error: 'it is not a YAML mapping' };
    if (doc.contents === null) doc.contents = doc.createNode({}) as never;
  } else {
    doc = new Document({});
    doc.commentBefore = input.header;
  }
  for (const { name, entries } of input.services) {
    for (const entry of entries) setEntry(doc, name, entry);
    labelKeys(doc, name, entries);
  }
  quoteAmbiguous(doc);
  const text = doc.toString(TO_STRING);
  // An unchanged result keeps the file byte for byte, whatever layout the user gave it.
  if (input.existing !== null && text === parseDocument(input.existing, { customTags: COMPOSE_TAGS }).toString(TO_STRING)) {
    return { text: input.existing };
  }
  return { text };
}
