// Turning a failure into the one sentence exit 2 prints. A value the user gave may hold line
// breaks; quoted in a message it would split the sentence (and could forge a second line), so
// they are shown as \x0A. Errors the operating system gives for a path the user named or for a
// full disk are facts about the input or the machine, not faults of the tool: they are said in
// one sentence too, instead of ending as an unexpected error (exit 70).

/** The text on one line: CR and LF shown as \x0D and \x0A, as terminal-text shows other controls. */
export function oneLine(text: string): string {
  return text.replace(/\r/g, '\\x0D').replace(/\n/g, '\\x0A');
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'the path goes through too many symbolic links',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file would grow too large',
  EROFS: 'it is on a read-only file system',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EIO: 'the device reported an input/output error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
};

/** "cannot open /x/y: the name is too long (ENAMETOOLONG)." for such an error; undefined for any other. */
export function systemErrorSentence(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, syscall, path } = err as NodeJS.ErrnoException;
  // Node refuses such a path before asking the system; the message quotes the whole path.
  if (code?.startsWith('ERR_INVALID_ARG_') && err.message.includes('without null bytes')) return 'a path cannot contain a NUL character.';
  const why = code !== undefined && Object.hasOwn(SYSTEM_ERRORS, code) ? SYSTEM_ERRORS[code] : undefined;
  if (!why) return undefined;
  const where = typeof path === 'string' ? ` ${oneLine(elide(path))}` : '';
  return `cannot ${syscall ?? 'use'}${where}: ${why} (${code}).`;
}

/** A path of thousands of characters keeps its two ends. */
function elide(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max / 2)}…${text.slice(-max / 2)}`;
}
