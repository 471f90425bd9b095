// Where a JSON text goes wrong, as line and column. Node 20's JSON.parse messages often carry no
// position ("Unexpected token '}', ... is not valid JSON"), so a small strict scanner finds it.
import type { JsonParseError } from './host-facts.js';

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonError(text: string): JsonParseError | null {
  const fail = scan(text);
  return fail === null ? null : { message: fail.message, ...lineColumn(text, fail.at) };
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

interface Failure {
  at: number;
  message: string;
}

class JsonSyntax extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

function scan(text: string): Failure | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const unexpected = (): never => {
    if (i >= text.length) throw new JsonSyntax(i, 'unexpected end of input');
    throw new JsonSyntax(i, `unexpected ${JSON.stringify(text[i])}`);
  };
  const expect = (ch: string, what: string) => {
    ws();
    if (text[i] !== ch) {
      if (i >= text.length) throw new JsonSyntax(i, `unexpected end of input, expected ${what}`);
      throw new JsonSyntax(i, `expected ${what} but found ${JSON.stringify(text[i])}`);
    }
    i++;
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) throw new JsonSyntax(i, 'control character in string');
      if (text[i] === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          const bad = text.slice(i + 2, i + 6).search(/[^0-9a-fA-F]|$/);
          if (bad < 4) throw new JsonSyntax(i + 2 + bad, 'invalid \\u escape in string');
          i += 6;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 2;
        else throw new JsonSyntax(i + 1, 'invalid escape in string');
      } else i++;
    }
    if (i >= text.length) throw new JsonSyntax(i, 'unterminated string');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') throw new JsonSyntax(i, i >= text.length ? 'unexpected end of input' : `expected a property name in double quotes but found ${JSON.stringify(text[i])}`);
        string();
        expect(':', "':' after the property name");
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        expect('}', "',' or '}' after the property value");
        return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        expect(']', "',' or ']' after the array element");
        return;
      }
    }
    if (c === '"') return string();
    const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : null;
    if (word) {
      // Like V8, blame the first character that breaks the keyword.
      for (const ch of word) {
        if (text[i] !== ch) unexpected();
        i++;
      }
      return;
    }
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    unexpected();
  };
  const digits = () => {
    if (!(text[i] >= '0' && text[i] <= '9')) unexpected();
    while (text[i] >= '0' && text[i] <= '9') i++;
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  try {
    value();
    ws();
    if (i < text.length) unexpected();
    return null;
  } catch (err) {
    if (err instanceof JsonSyntax) return { at: err.at, message: err.message };
    throw err;
  }
}
