// The daemon.json text a plan writes: the user's file with only the keys that change edited in
// place (jsonc-parser), so layout, key order and numbers as written (12345678901234567890, 1.0)
// survive and the diff under review shows only the change. A new or empty file gets 2-space JSON.
import { applyEdits, findNodeAtLocation, format, modify, parseTree, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { sameJson } from './daemon-json-values.js';

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface DaemonJsonEdit {
  /** The file as it is, or null when there is none. */
  raw: string | null;
  /** What `raw` parses to (strict JSON, nesting bounded by the probe). */
  current: JsonObject;
  /** What the file must say. */
  desired: JsonObject;
  /** Keys renamed in place (removed key → its replacement), value untouched. */
  renamed: ReadonlyMap<string, string>;
}

export function editDaemonJson({ raw, current, desired, renamed }: DaemonJsonEdit): string {
  if (raw !== null && sameJson(current, desired)) return raw;
  const bom = raw?.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = raw?.slice(bom.length) ?? '';
  const fresh = JSON.stringify(desired, null, 2) + '\n';
  if (body.trim() === '') return fresh;

  const formattingOptions = detectFormatting(body);
  let text = body;
  const edit = (path: JSONPath, value: unknown) => {
    if (!addsToMultiLineObject(text, path, value)) {
      text = applyEdits(text, modify(text, path, value, { formattingOptions }));
      return;
    }
    // jsonc-parser would also re-lay the line before an insertion (the previous sibling's end);
    // formatting just the inserted text keeps a one-line sibling such as {"Name": ...} as written.
    for (const added of modify(text, path, value, {})) {
      const next = applyEdits(text, [added]);
      text = applyEdits(next, format(next, { offset: added.offset, length: added.content.length }, { ...formattingOptions, keepLines: false }));
    }
  };
  const before: JsonObject = Object.create(null);
  for (const [key, value] of Object.entries(current)) {
    const to = renamed.get(key);
    if (to === undefined) before[key] = value;
    else {
      text = renameKey(text, key, to);
      before[to] = value;
    }
  }
  for (const key of Object.keys(before)) if (!Object.hasOwn(desired, key)) edit([key], undefined);
  for (const [key, want] of Object.entries(desired)) {
    const had = before[key];
    if (Object.hasOwn(before, key) && sameJson(had, want)) continue;
    if (Object.hasOwn(before, key) && isObject(had) && isObject(want)) {
      // Sub-keys the user set (log-opts, default-ulimits) keep their text too.
      for (const sub of Object.keys(had)) if (!Object.hasOwn(want, sub)) edit([key, sub], undefined);
      for (const [sub, value] of Object.entries(want)) if (!Object.hasOwn(had, sub) || !sameJson(had[sub], value)) edit([key, sub], value);
    } else {
      edit([key], want);
    }
  }
  // Duplicate keys are where a text edit and dockerd (last one wins) could disagree: then the
  // edited text would not say what was planned, and the whole file is written out instead.
  return sameJson(parsed(text), desired) ? bom + text : fresh;
}

/** The indentation and line ending the user's file already uses (2 spaces and "\n" when it shows none). */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fallback: FormattingOptions = { tabSize: 2, insertSpaces: true, eol };
  const root = parseTree(text);
  const first = root?.type === 'object' ? root.children?.[0] : undefined;
  if (!root || !first) return fallback;
  const indent = (offset: number) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    return text.slice(start, offset);
  };
  const own = indent(first.offset);
  const outer = indent(root.offset).match(/^[ \t]*/)![0];
  if (!/^[ \t]+$/.test(own) || !own.startsWith(outer) || own.length === outer.length) return fallback;
  const step = own.slice(outer.length);
  return step.includes('\t') ? { tabSize: 1, insertSpaces: false, eol } : { tabSize: step.length, insertSpaces: true, eol };
}

/** A new property in an object that already spans lines and has members (else its layout is made anew). */
function addsToMultiLineObject(text: string, path: JSONPath, value: unknown): boolean {
  const root = parseTree(text);
  if (value === undefined || !root || findNodeAtLocation(root, path)) return false;
  const parent = path.length === 1 ? root : findNodeAtLocation(root, path.slice(0, -1));
  return parent?.type === 'object' && (parent.children?.length ?? 0) > 0 && text.slice(parent.offset, parent.offset + parent.length).includes('\n');
}

/** Replace the text of a top-level key, leaving its value as written. */
function renameKey(text: string, from: string, to: string): string {
  const root = parseTree(text);
  const name = root && findNodeAtLocation(root, [from])?.parent?.children?.[0];
  if (!name) return text;
  return text.slice(0, name.offset) + JSON.stringify(to) + text.slice(name.offset + name.length);
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
