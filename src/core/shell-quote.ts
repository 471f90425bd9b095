// The one shell quoter: generated scripts, advice command lines and profile.d files all use it.
// Hand-written on purpose: quoting libraries single-quote `$`, which shellcheck flags (SC2016) in
// every emitted script that carries a hostile path.
import { UserError } from './errors.js';

/**
 * One shell word for sh/bash, taken literally ($(), backticks, globs, quotes and newlines
 * included). Single quotes where possible; a value with `$` or a backtick is double-quoted with
 * those escaped instead, which is just as literal and keeps shellcheck (SC2016) quiet.
 */
export function shellQuote(value: string): string {
  if (value.includes('\0'))
    throw new UserError(
      `A shell word cannot contain a NUL byte: ${JSON.stringify(value)}.`,
      'The value comes from the facts, the profile or a Compose file; correct it there.',
    );
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) return value;
  if (!/[$`]/.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  return `"${value.replace(/[\\"$`]/g, '\\$&')}"`;
}
