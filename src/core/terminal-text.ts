// Text bound for a terminal, with every control character made visible. Names and paths come from
// facts, Compose files, images and labels that anyone may have written; an ESC or BEL printed raw
// would restyle, retitle or rewrite the user's terminal (and could hide lines of a plan), so they
// are printed as \x1B, \x07. Bidirectional overrides are shown too: they reorder what is displayed.

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16).toUpperCase()}` : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Control characters as \xNN; line breaks and tabs are kept (the text may span lines). */
export function terminalText(text: string): string {
  return text.replace(CONTROL, visible);
}

/** One line: line breaks and tabs become spaces, every other control character \xNN. */
export function terminalLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(CONTROL_OR_BREAK, visible);
}

/**
 * A copy of plain data with every string passed through terminalText, for text views built
 * from facts or a plan: escaping the data once, before any colour is added, leaves the view's own
 * styles as the only escape sequences it prints.
 */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (Array.isArray(value)) return value.map((v) => terminalSafe(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    // defineProperty: a key named "__proto__" stays a key.
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, terminalText(k), { value: terminalSafe(v), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}
