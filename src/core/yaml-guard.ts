// Limits on what a parsed YAML document (profile or Compose file) may turn into, checked on the
// document before it becomes plain data. Aliases let a few lines expand into millions of nodes (an
// "alias bomb"), an alias may point into the node that holds it, and a merge key (`<<`) may name
// something that is not a mapping; each of these is reported with the line it starts on.
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';

export const YAML_LIMITS = {
  /** Nodes the document may hold once every alias is expanded. */
  maxExpandedNodes: 500_000,
  /** The yaml library's own guard (ToJSOptions.maxAliasCount), kept as a second line. */
  maxAliasCount: 1000,
} as const;

export interface YamlProblem {
  /** Offset in the source text where the problem starts, when known. */
  offset?: number;
  message: string;
}

const EXPANSION = `aliases expand the document past ${YAML_LIMITS.maxExpandedNodes.toLocaleString('en-US')} nodes (the limit for a YAML input; maxAliasCount ${YAML_LIMITS.maxAliasCount})`;

/**
 * The first structural problem of a document that parsed without syntax errors, or null.
 * `merge`: whether `<<` keys are merge keys (YAML 1.1 as Compose reads it).
 */
export function yamlStructureProblem(doc: Document.Parsed, merge: boolean): YamlProblem | null {
  const target = new Map<Node, Node | undefined>();
  const latest = new Map<string, Node>();
  let problem: YamlProblem | null = null;
  // Document order, as YAML resolves an alias: the last anchor of that name before it.
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const found = latest.get(node.source);
        if (!found) {
          problem = { offset: node.range?.[0], message: `the alias *${node.source} names no anchor defined before it` };
          return visit.BREAK;
        }
        target.set(node, found);
      } else if (node.anchor) latest.set(node.anchor, node);
      return undefined;
    },
  });
  if (problem) return problem;
  if (target.size > 0) {
    const expansion = expansionProblem(doc, target);
    if (expansion) return expansion;
  }
  return merge ? mergeProblem(doc, target) : null;
}

function expansionProblem(doc: Document.Parsed, target: Map<Node, Node | undefined>): YamlProblem | null {
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  const sizeOf = (node: unknown): number => {
    if (!node || typeof node !== 'object') return 0;
    const n = node as Node;
    const known = sizes.get(n);
    if (known !== undefined) return known;
    if (open.has(n))
      throw Object.assign(new Error('cycle'), {
        problem: { offset: n.range?.[0], message: 'an alias points into the node that holds it, which would never end' },
      });
    open.add(n);
    let size = 1;
    if (isAlias(n)) size = sizeOf(target.get(n));
    else if (isMap(n)) for (const pair of n.items) size += sizeOf(pair.key) + sizeOf(pair.value);
    else if (isSeq(n)) for (const item of n.items) size += sizeOf(item);
    open.delete(n);
    sizes.set(n, size);
    if (size > YAML_LIMITS.maxExpandedNodes) throw Object.assign(new Error('too big'), { problem: { offset: n.range?.[0], message: EXPANSION } });
    return size;
  };
  try {
    sizeOf(doc.contents);
  } catch (err) {
    const found = (err as { problem?: YamlProblem }).problem;
    if (found) return innermost(found, doc);
    throw err;
  }
  return null;
}

/** The expansion limit is passed at the outermost node; point at the first alias that helps pass it instead. */
function innermost(problem: YamlProblem, doc: Document.Parsed): YamlProblem {
  if (problem.message !== EXPANSION) return problem;
  let offset = problem.offset;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? offset;
      return visit.BREAK;
    },
  });
  return { ...problem, offset };
}

/** A `<<` whose value is not a mapping, an alias of one, or a list of those. */
function mergeProblem(doc: Document.Parsed, target: Map<Node, Node | undefined>): YamlProblem | null {
  const resolve = (n: unknown): unknown => (isAlias(n) ? target.get(n) : n);
  let problem: YamlProblem | null = null;
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isMergeKey(pair.key)) return undefined;
      const value = resolve(pair.value);
      const sources = isSeq(value) ? value.items.map(resolve) : [value];
      if (sources.every((s) => isMap(s))) return undefined;
      const at = (pair.value as Node | null)?.range?.[0] ?? (pair.key as Node).range?.[0];
      problem = { offset: at, message: 'a merge key (<<) must name a mapping, an alias of one, or a list of those' };
      return visit.BREAK;
    },
  });
  return problem;
}

/** With merge keys on, the yaml library reads a plain `<<` key as the symbol Symbol(<<). */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const value = key.value;
  const plain = !key.type || key.type === 'PLAIN';
  return (typeof value === 'symbol' && value.description === '<<') || (plain && value === '<<');
}

/** Plain data of a checked document, or the problem the yaml library still finds (its own alias limit). */
export function yamlToJs(doc: Document.Parsed): { ok: true; value: unknown } | { ok: false; problem: YamlProblem } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }) };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, problem: { message: /Excessive alias count/.test(message) ? EXPANSION : message } };
  }
}
