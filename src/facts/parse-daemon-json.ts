// daemon.json text to settings, read the way dockerd reads it: strict JSON (no comments, no
// trailing commas), a UTF-8 BOM stripped, an empty file meaning no settings. A broken file gives
// a located one-line error instead of a value, and nesting is bounded before anything recurses.
import type { DaemonJsonFacts } from './host-facts.js';
import { findJsonError, findNestingError, lineColumn } from './json-error.js';

export type DaemonJsonParse = { value: Record<string, unknown> } | { parseError: NonNullable<DaemonJsonFacts['parseError']> };

export function parseDaemonJson(raw: string): DaemonJsonParse {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { value: {} };
  // Every later walk over the value (stringify, compare, edit) recurses, so depth is checked first.
  const tooDeep = findNestingError(text);
  if (tooDeep) return { parseError: tooDeep };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { parseError: findJsonError(text) ?? { message: (err as Error).message, line: 1, column: 1 } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    const at = lineColumn(text, text.length - text.trimStart().length);
    return { parseError: { message: `the top level must be a JSON object, not ${kind}`, ...at } };
  }
  return { value: value as Record<string, unknown> };
}
