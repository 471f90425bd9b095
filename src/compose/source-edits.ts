// Edits of a YAML file's text at the ranges the parser reports for its nodes (the edit model is
// core/text-edits.ts), so a patched compose file keeps every comment, quote style, indentation and
// blank line it had; only the lines of the changed entries differ. Comment lines above a removed
// entry stay: they may speak of more than it. Each function returns null where the layout is one
// it does not handle (the caller then falls back to re-serialising the document).
import { isMap, isPair, isScalar, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { yamlScalar } from './yaml-io.js';
import type { TextEdit } from '../core/text-edits.js';

const lineStart = (src: string, offset: number) => src.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (src: string, offset: number) => {
  const nl = src.indexOf('\n', offset);
  return nl === -1 ? src.length : nl + 1;
};

/** Only whitespace between the start of the line and offset (the node begins its own line, after any "- "). */
const ownsLine = (src: string, offset: number) => /^[ \t]*(?:-[ \t]+)?$/.test(src.slice(lineStart(src, offset), offset));

/** The scalar's new text, in the quote style it had where the value allows it. */
export function scalarText(node: Scalar, value: unknown): string {
  if (typeof value === 'string' && node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (typeof value === 'string' && node.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return yamlScalar(value);
}

export function replaceScalar(node: Scalar, value: unknown): TextEdit | null {
  if (!node.range) return null;
  return { start: node.range[0], end: node.range[1], text: scalarText(node, value) };
}

/** Delete a `key: value` pair of a block mapping, with its own line(s) and trailing comment. */
export function removePair(src: string, map: YAMLMap, pair: Pair): TextEdit | null {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (map.flow || !key?.range || !ownsLine(src, key.range[0])) return null;
  const last = value?.range ? value.range[1] : key.range[1];
  return { start: lineStart(src, key.range[0]), end: lineEnd(src, Math.max(last - 1, key.range[0])), text: '' };
}

/** Delete entries of a sequence: their lines in block style, or the list rewritten in flow style. */
export function removeItems(src: string, seq: YAMLSeq, indexes: ReadonlySet<number>): TextEdit[] | null {
  const items = seq.items as Node[];
  if (items.some((n) => !n?.range)) return null;
  if (seq.flow) {
    if (!seq.range) return null;
    const kept = items.filter((_, i) => !indexes.has(i)).map((n) => src.slice(n.range![0], n.range![1]));
    return [{ start: seq.range[0], end: seq.range[1], text: `[${kept.join(', ')}]` }];
  }
  const edits: TextEdit[] = [];
  for (const i of indexes) {
    const n = items[i];
    if (!ownsLine(src, n.range![0])) return null;
    edits.push({ start: lineStart(src, n.range![0]), end: lineEnd(src, n.range![1] - 1), text: '' });
  }
  return edits;
}

/** Make an entry equal to `value`: a scalar rewritten in place, or a mapping's changed and new keys. */
export function replaceItem(src: string, node: Node, value: unknown): TextEdit[] | null {
  if (isScalar(node)) {
    const edit = replaceScalar(node, value);
    return edit ? [edit] : null;
  }
  if (value === null || typeof value !== 'object') {
    // A long-syntax entry rewritten as a short one: the scalar takes the mapping's lines.
    if (!node.range || !ownsLine(src, node.range[0])) return null;
    const nl = src[node.range[1] - 1] === '\n' ? '\n' : '';
    return [{ start: node.range[0], end: node.range[1], text: yamlScalar(value) + nl }];
  }
  if (!isMap(node) || !value || typeof value !== 'object' || Array.isArray(value)) return null;
  const pairs = node.items.filter(isPair);
  const edits: TextEdit[] = [];
  const added: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object') return null;
    const pair = pairs.find((p) => isScalar(p.key) && String(p.key.value) === k);
    if (!pair) added.push([k, v]);
    else if (!isScalar(pair.value)) return null;
    else if (pair.value.value !== v) edits.push(replaceScalar(pair.value, v)!);
  }
  if (added.length === 0) return edits;
  const first = pairs[0]?.key as Node | undefined;
  const lastValue = (pairs.at(-1)?.value ?? pairs.at(-1)?.key) as Node | undefined;
  if (node.flow || !first?.range || !lastValue?.range) return null;
  const at = lineEnd(src, lastValue.range[1] - 1);
  const nl = at > 0 && src[at - 1] === '\n' ? '' : '\n';
  // Block mapping keys share the first key's column, also when it follows a "- ".
  const pad = ' '.repeat(first.range[0] - lineStart(src, first.range[0]));
  edits.push({ start: at, end: at, text: nl + added.map(([k, v]) => `${pad}${k}: ${yamlScalar(v)}\n`).join('') });
  return edits;
}
