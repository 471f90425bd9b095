import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeReadError, readInputText, readInputTextSync } from './read-input.js';

const dir = mkdtempSync('/tmp/dh-read-input-');

describe('reading an input file', () => {
  it('reads a regular file, and a /proc file whose size says 0', async () => {
    writeFileSync(path.join(dir, 'a.txt'), 'hello');
    expect(await readInputText(path.join(dir, 'a.txt'), 100)).toBe('hello');
    expect(await readInputText('/proc/self/status', 1 << 20)).toMatch(/^Name:/);
    expect(readInputTextSync(path.join(dir, 'a.txt'), 100)).toBe('hello');
  });

  it('refuses a FIFO and a device without blocking, and a file over the limit', async () => {
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    const fail = (p: Promise<unknown>) => p.then(() => 'read', describeReadError);
    expect(await fail(readInputText(path.join(dir, 'fifo'), 100))).toBe('is a FIFO (named pipe), not a regular file');
    expect(() => readInputTextSync(path.join(dir, 'fifo'), 100)).toThrow('is a FIFO (named pipe), not a regular file');
    expect(await fail(readInputText('/dev/zero', 100))).toBe('is a character device, not a regular file');
    expect(await fail(readInputText('/dev/null', 100))).toBe('is a character device, not a regular file');
    writeFileSync(path.join(dir, 'big'), 'x'.repeat(2048));
    expect(await fail(readInputText(path.join(dir, 'big'), 1024))).toBe('is larger than the 1 KiB limit for this kind of input');
    expect(await fail(readInputText('/proc/self/maps', 10))).toBe('is larger than the 10 bytes limit for this kind of input');
    expect(await fail(readInputText(path.join(dir, 'none'), 10))).toBe('does not exist');
    expect(await fail(readInputText(dir, 10))).toBe('is a directory, not a file');
  });
});
