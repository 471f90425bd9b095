// The one way an input file (facts, profile, compose file, Dockerfile, a host file under --root) is
// read. Opening a FIFO for reading blocks until a writer appears, and a device can be endless or act
// on open, so the type is checked before the file is opened, opened without blocking, checked again
// on the open descriptor, and read only up to a size limit.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';

const MiB = 1024 * 1024;

/** Size limits by input kind: far above any real file of the kind, far below memory trouble. */
export const INPUT_LIMITS = { facts: 16 * MiB, text: 4 * MiB } as const;

/** Why a file was refused before or while reading; `code` mimics errno names for callers that map them. */
export class InputFileError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    message: string,
  ) {
    super(message);
    this.name = 'InputFileError';
  }
}

/** "4 MiB", "512 KiB", "100 bytes" */
export function formatBytes(n: number): string {
  if (n >= MiB && n % MiB === 0) return `${n / MiB} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/**
 * The text of a regular file, at most `maxBytes` long. Throws the fs error (ENOENT, EACCES,
 * EISDIR...) or an InputFileError naming what the file is or the limit it passes.
 */
export async function readInputText(file: string, maxBytes: number): Promise<string> {
  // stat follows symlinks, like the open below; a socket cannot even be opened, a FIFO would block.
  const before = await stat(file);
  refuseSpecial(before);
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    // Swapped for something else between the stat and the open: refuse that too.
    const limited = new LimitedRead(await handle.stat(), maxBytes);
    for (;;) {
      const buf = limited.buffer();
      if (!limited.keep(buf, (await handle.read(buf, 0, buf.length, null)).bytesRead)) return limited.text();
    }
  } finally {
    await handle.close();
  }
}

/** readInputText for the few synchronous edges (TLS client files named by the environment). */
export function readInputTextSync(file: string, maxBytes: number): string {
  refuseSpecial(statSync(file));
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    const limited = new LimitedRead(fstatSync(fd), maxBytes);
    for (;;) {
      const buf = limited.buffer();
      if (!limited.keep(buf, readSync(fd, buf, 0, buf.length, null))) return limited.text();
    }
  } finally {
    closeSync(fd);
  }
}

/** What a non-regular file is, in words, or null for a regular file. */
export function specialKind(st: {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function refuseSpecial(st: Parameters<typeof specialKind>[0]): void {
  const kind = specialKind(st);
  if (kind === 'a directory') throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (kind) throw new InputFileError('ENOTREG', `is ${kind}, not a regular file`);
}

function tooBig(maxBytes: number): InputFileError {
  return new InputFileError('EFBIG', `is larger than the ${formatBytes(maxBytes)} limit for this kind of input`);
}

/**
 * The reads of one open file, checked on the open descriptor's stat and against the limit. Files
 * under /proc report size 0 yet have content, so reading goes on until EOF, never past the limit.
 */
class LimitedRead {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private readonly size: number;

  constructor(
    st: Parameters<typeof specialKind>[0] & { size: number },
    private readonly maxBytes: number,
  ) {
    refuseSpecial(st);
    if (st.size > maxBytes) throw tooBig(maxBytes);
    this.size = st.size;
  }

  /**
   * A buffer for the next read, one byte past the limit at most so an oversize file shows. Sized
   * from the stat (a byte more, to see the end in one read) and not zero-filled: only the bytes a
   * read put there are kept. /proc files report size 0 and are small: 4 KiB at first.
   */
  buffer(): Buffer {
    const want = this.total === 0 ? (this.size > 0 ? this.size + 1 : 4096) : 64 * 1024;
    return Buffer.allocUnsafe(Math.max(1, Math.min(want, this.maxBytes + 1 - this.total)));
  }

  /** Keeps the `n` bytes a read put in `buf`; false at end of file. */
  keep(buf: Buffer, n: number): boolean {
    if (n === 0) return false;
    this.chunks.push(buf.subarray(0, n));
    this.total += n;
    if (this.total > this.maxBytes) throw tooBig(this.maxBytes);
    return true;
  }

  text(): string {
    return Buffer.concat(this.chunks, this.total).toString('utf8');
  }
}

/**
 * Why `file` could not be read, as the end of a sentence that starts with the file's name:
 * "does not exist", "is a FIFO (named pipe), not a regular file", "cannot be read (EACCES)".
 */
export function describeReadError(err: unknown): string {
  if (err instanceof InputFileError) return err.message;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'ENOTDIR') return 'does not exist (a part of its path is not a directory)';
  if (code === 'ELOOP') return 'is a symlink loop';
  return `cannot be read (${code ?? String(err)})`;
}
