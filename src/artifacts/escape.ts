// Escaping for each target language the templates write. Every interpolated value goes through
// one of these; a value a target cannot hold safely is an error, never silently mangled. Such a
// value comes from the input (facts, profile, compose file), so the error is the user's: exit 2.
import { UserError } from '../core/errors.js';

export { shellQuote } from '../core/shell-quote.js';

const FROM_INPUT = 'The value comes from the facts, the profile or a Compose file; correct it there.';

/**
 * A systemd unit-file value: `%` starts a specifier, so it is doubled; a newline or a trailing
 * backslash would end or continue the line, so they are refused.
 */
export function systemdValue(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new UserError(`A systemd value cannot contain a line break or NUL: ${JSON.stringify(value)}.`, FROM_INPUT);
  if (value.endsWith('\\')) throw new UserError(`A systemd value cannot end with a backslash: ${JSON.stringify(value)}.`, FROM_INPUT);
  return value.replace(/%/g, '%%');
}

/**
 * One ExecStart= word already in unit syntax (specifiers and $VARS as the unit wrote them): quoted
 * when it holds whitespace or quotes, so it stays one argument.
 */
export function systemdExecWord(word: string): string {
  if (/[\r\n\0]/.test(word)) throw new UserError(`An ExecStart word cannot contain a line break or NUL: ${JSON.stringify(word)}.`, FROM_INPUT);
  if (word !== '' && !/[\s"'\\;]/.test(word)) return word;
  return `"${word.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A literal ExecStart word (a path or value, not unit syntax): specifiers and variables escaped too. */
export function systemdLiteralExecWord(word: string): string {
  return systemdExecWord(word.replace(/%/g, '%%').replace(/\$/g, '$$$$'));
}

/** An audit rule word: auditctl splits on whitespace and has no quoting. */
export function auditWord(value: string): string {
  if (/[\s\0]/.test(value) || value === '') {
    throw new UserError(
      `An audit rule word cannot be ${JSON.stringify(value)}: auditctl rules have no quoting, so a word is never empty and holds no whitespace.`,
      FROM_INPUT,
    );
  }
  return value;
}
