import { describe, expect, it } from 'vitest';
import { oneLine, systemErrorSentence } from './error-text.js';

function systemError(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, ...(path ? { path } : {}) });
}

describe('error text', () => {
  it('shows line breaks in a message as \\x0A and \\x0D', () => {
    expect(oneLine('take "a\r\nb"')).toBe('take "a\\x0D\\x0Ab"');
  });

  it('says what the system refused, with a long path shortened in the middle', () => {
    const sentence = systemErrorSentence(systemError('ENAMETOOLONG', 'stat', `/r/${'x'.repeat(1000)}/end`));
    expect(sentence).toMatch(/^cannot stat \/r\/x+…x+\/end: the name is too long \(ENAMETOOLONG\)\.$/);
    expect(sentence!.length).toBeLessThan(250);
    expect(systemErrorSentence(systemError('ENOSPC', 'write'))).toBe('cannot write: no space is left on the device (ENOSPC).');
  });

  it('leaves every other error to be reported as unexpected', () => {
    expect(systemErrorSentence(systemError('ENOENT', 'open', '/x'))).toBeUndefined();
    expect(systemErrorSentence(systemError('toString', 'open', '/x'))).toBeUndefined();
    expect(systemErrorSentence(new TypeError('x is not a function'))).toBeUndefined();
    expect(systemErrorSentence('ENOSPC')).toBeUndefined();
  });

  it('names a NUL in a path, which Node refuses before the system sees it', () => {
    const err = Object.assign(new TypeError("The argument 'path' must be a string, Uint8Array, or URL without null bytes. Received '/a\\x00b'"), {
      code: 'ERR_INVALID_ARG_VALUE',
    });
    expect(systemErrorSentence(err)).toBe('a path cannot contain a NUL character.');
  });
});
