// Where inside a string or number token JSON breaks: jsonc-parser reports such errors at the
// token's start, while the reader (and V8) want the character that is wrong.

export interface Fault {
  /** Offset in the text. */
  at: number;
  message: string;
}

/** The character that breaks the string starting at `start` (jsonc-parser reports the string's start). */
export function stringFault(text: string, start: number): Fault {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') break;
    if (text.charCodeAt(i) < 0x20) return { at: i, message: 'control character in string' };
    if (ch !== '\\') continue;
    const esc = text[i + 1];
    if (esc === 'u') {
      const bad = text.slice(i + 2, i + 6).search(/[^0-9a-fA-F]|$/);
      if (bad < 4) return { at: i + 2 + bad, message: 'invalid \\u escape in string' };
      i += 5;
    } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i++;
    else return { at: i + 1, message: 'invalid escape in string' };
  }
  return { at: text.length, message: 'unterminated string' };
}

/** Where the number starting at `start` lacks a digit it needs (after "-", ".", "e"). */
export function numberFault(text: string, start: number): Fault {
  let i = start + (text[start] === '-' ? 1 : 0);
  const digits = (): Fault | null => {
    if (!/[0-9]/.test(text[i] ?? ''))
      return { at: i, message: i >= text.length ? 'unexpected end of input in a number' : `expected a digit in a number but found ${showChar(text[i])}` };
    while (/[0-9]/.test(text[i] ?? '')) i++;
    return null;
  };
  const fault =
    (text[i] === '0' ? (i++, null) : digits()) ??
    (text[i] === '.' ? (i++, digits()) : null) ??
    (/[eE]/.test(text[i] ?? '') ? ((i += /[+-]/.test(text[i + 1] ?? '') ? 2 : 1), digits()) : null);
  return fault ?? { at: i, message: `unexpected ${showChar(text[i] ?? '')} after a number` };
}

/** A character as the message shows it: quoted when printable ASCII, else its code point (no raw control bytes). */
export function showChar(ch: string): string {
  return /^[\x20-\x7e]$/.test(ch) ? JSON.stringify(ch) : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
