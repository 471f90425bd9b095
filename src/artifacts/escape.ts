// Escaping for each target language the templates write. Every interpolated value goes through
// one of these; a value a target cannot hold safely is an error, never silently mangled.

export { shellQuote } from '../core/shell-quote.js';

/**
 * A systemd unit-file value: `%` starts a specifier, so it is doubled; a newline or a trailing
 * backslash would end or continue the line, so they are refused.
 */
export function systemdValue(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new Error(`a systemd value cannot contain a line break: ${JSON.stringify(value)}`);
  if (value.endsWith('\\')) throw new Error(`a systemd value cannot end with a backslash: ${JSON.stringify(value)}`);
  return value.replace(/%/g, '%%');
}

/**
 * One ExecStart= word already in unit syntax (specifiers and $VARS as the unit wrote them): quoted
 * when it holds whitespace or quotes, so it stays one argument.
 */
export function systemdExecWord(word: string): string {
  if (/[\r\n\0]/.test(word)) throw new Error(`an ExecStart word cannot contain a line break: ${JSON.stringify(word)}`);
  if (word !== '' && !/[\s"'\\;]/.test(word)) return word;
  return `"${word.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A literal ExecStart word (a path or value, not unit syntax): specifiers and variables escaped too. */
export function systemdLiteralExecWord(word: string): string {
  return systemdExecWord(word.replace(/%/g, '%%').replace(/\$/g, '$$$$'));
}

/** An audit rule word: auditctl splits on whitespace and has no quoting. */
export function auditWord(value: string): string {
  if (/[\s\0]/.test(value) || value === '') throw new Error(`an audit rule cannot hold ${JSON.stringify(value)} (no quoting in auditctl rules)`);
  return value;
}
