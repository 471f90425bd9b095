// Where a JSON text goes wrong, as line and column. JSON.parse decides validity (strict JSON, like
// dockerd's decoder); jsonc-parser, allowed no comments and no trailing commas, says where, since
// Node 20's messages often carry no position. Nesting is bounded before any recursive code runs.
import { ParseErrorCode, SyntaxKind, createScanner, printParseErrorCode, visit } from 'jsonc-parser';
import type { JsonParseError } from './host-facts.js';
import { numberFault, showChar, stringFault, type Fault } from './json-token-faults.js';

/** Deeper than any real daemon.json or facts file; recursive walks (ours and the parser's) stay far from the stack limit. */
export const MAX_JSON_DEPTH = 1000;

/** The first reason `text` is not accepted: nesting over MAX_JSON_DEPTH or a syntax error; null when it is fine. */
export function findJsonError(text: string): JsonParseError | null {
  const deep = findNestingError(text);
  if (deep) return deep;
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    const at = locate(text) ?? positionOf(err as Error, text);
    return { message: at.message, ...lineColumn(text, at.at) };
  }
}

/** The bracket that opens level MAX_JSON_DEPTH + 1, if any. Iterative: safe at any depth. */
export function findNestingError(text: string): JsonParseError | null {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_JSON_DEPTH) {
        return { message: `nesting deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`, ...lineColumn(text, scanner.getTokenOffset()) };
      }
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * The earliest of jsonc-parser's errors (nesting already bounded), or JSON whitespace it is more
 * lenient about. Earliest, because a token's own fault is reported before the misplaced token.
 */
function locate(text: string): Fault | null {
  let earliest = oddWhitespace(text);
  const open: ('object' | 'array')[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void open.push('object'),
      onArrayBegin: () => void open.push('array'),
      onObjectEnd: () => void open.pop(),
      onArrayEnd: () => void open.pop(),
      onError: (code, offset, length) => {
        if (earliest !== null && earliest.at < offset) return;
        const fault = describe(text, code, offset, length, open.at(-1));
        if (earliest === null || fault.at < earliest.at) earliest = fault;
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return earliest;
}

function describe(text: string, code: ParseErrorCode, offset: number, length: number, inside: 'object' | 'array' | undefined): Fault {
  const found = (at: number) => (at >= text.length ? 'end of input' : showChar(text[at]));
  switch (code) {
    case ParseErrorCode.InvalidSymbol: {
      // Where a value is due, blame the first character that breaks a keyword ("tru}" → the "}"), as V8 does.
      let back = offset - 1;
      while (back >= 0 && ' \t\r\n'.includes(text[back])) back--;
      const before = back >= 0 ? text[back] : undefined;
      const valueDue = before === undefined || before === ':' || before === '[' || (before === ',' && inside === 'array');
      const word = text.slice(offset, offset + length);
      if (valueDue && word.startsWith('-')) return numberFault(text, offset);
      const keyword = valueDue ? ['true', 'false', 'null'].find((k) => k[0] === word[0]) : undefined;
      const broken = keyword ? [...keyword].findIndex((ch, i) => word[i] !== ch) : 0;
      const at = offset + (broken === -1 ? keyword!.length : broken);
      return { at, message: at >= text.length ? 'unexpected end of input' : `unexpected ${found(at)}` };
    }
    case ParseErrorCode.UnexpectedEndOfString:
    case ParseErrorCode.InvalidCharacter:
    case ParseErrorCode.InvalidEscapeCharacter:
    case ParseErrorCode.InvalidUnicode:
      return stringFault(text, offset);
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return numberFault(text, offset);
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return { at: offset, message: 'comments are not allowed in JSON' };
    case ParseErrorCode.PropertyNameExpected:
      return { at: offset, message: `expected a property name in double quotes but found ${found(offset)}` };
    case ParseErrorCode.ValueExpected:
      return { at: offset, message: offset >= text.length ? 'unexpected end of input, expected a value' : `expected a value but found ${found(offset)}` };
    case ParseErrorCode.ColonExpected:
      return { at: offset, message: `expected ':' after the property name but found ${found(offset)}` };
    case ParseErrorCode.CommaExpected:
    case ParseErrorCode.CloseBraceExpected:
    case ParseErrorCode.CloseBracketExpected:
      return { at: offset, message: `expected ',' or a closing bracket but found ${found(offset)}` };
    case ParseErrorCode.EndOfFileExpected:
      return { at: offset, message: `unexpected ${found(offset)} after the end of the JSON value` };
    default:
      return { at: offset, message: printParseErrorCode(code) };
  }
}

/** Whitespace outside strings that JSON does not allow (jsonc-parser accepts Unicode spaces). */
function oddWhitespace(text: string): Fault | null {
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.Trivia) continue;
    const offset = scanner.getTokenOffset();
    const bad = text.slice(offset, offset + scanner.getTokenLength()).search(/[^ \t\r\n]/);
    if (bad !== -1) return { at: offset + bad, message: `unexpected ${showChar(text[offset + bad])}` };
  }
  return null;
}

/** Last resort: the position V8 gives, else the start. */
function positionOf(err: Error, text: string): Fault {
  const pos = /at position (\d+)/.exec(err.message);
  return { at: pos ? Math.min(Number(pos[1]), text.length) : 0, message: 'not valid JSON' };
}
