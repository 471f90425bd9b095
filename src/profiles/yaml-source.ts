// Parse profile YAML keeping positions, so a message can say which line a bad value is on.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { yamlStructureProblem, yamlToJs } from '../core/yaml-guard.js';

export type PathSegment = string | number;

export interface YamlSource {
  data: unknown;
  /** 1-based line of the node at path (or of its key), else of the nearest ancestor that exists. */
  lineOf(path: readonly PathSegment[], at?: 'key' | 'value'): number | undefined;
}

export type YamlParseResult = { ok: true; source: YamlSource } | { ok: false; line?: number; message: string };

export function parseYamlSource(text: string): YamlParseResult {
  const lineCounter = new LineCounter();
  // YAML 1.2 core: an unquoted 2027-06-30 stays the string it looks like.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const line = lineCounter.linePos(problem.pos[0]).line;
    return { ok: false, line, message: firstLine(problem.message) };
  }
  const lineOfOffset = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const structure = yamlStructureProblem(doc, false);
  if (structure) return { ok: false, line: lineOfOffset(structure.offset), message: structure.message };
  const js = yamlToJs(doc);
  if (!js.ok) return { ok: false, line: lineOfOffset(js.problem.offset), message: js.problem.message };
  const lineAt = (node: Node | null | undefined): number | undefined => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);

  const lineOf = (path: readonly PathSegment[], at: 'key' | 'value' = 'value'): number | undefined => {
    let node: unknown = doc.contents;
    let line = lineAt(doc.contents);
    for (const [i, segment] of path.entries()) {
      let next: unknown;
      let keyNode: Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        keyNode = pair?.key as Node | undefined;
        next = pair?.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
      }
      if (next === undefined && keyNode === undefined) break;
      const last = i === path.length - 1;
      line = (last && at === 'key' && keyNode ? lineAt(keyNode) : lineAt(next as Node)) ?? lineAt(keyNode) ?? line;
      node = next;
    }
    return line;
  };
  return { ok: true, source: { data: js.value, lineOf } };
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
