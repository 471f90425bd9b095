import { describe, expect, it } from 'vitest';
import { demuxLogs, lastLines } from './container-logs.js';

describe('container logs', () => {
  const frame = (stream: number, text: string) => {
    const payload = Buffer.from(text);
    const head = Buffer.alloc(8);
    head[0] = stream;
    head.writeUInt32BE(payload.length, 4);
    return Buffer.concat([head, payload]);
  };

  it('reads the multiplexed stream of a container without a TTY, and raw text with one', () => {
    expect(demuxLogs(Buffer.concat([frame(1, 'out 1\n'), frame(2, 'err 2\n')]))).toBe('out 1\nerr 2\n');
    expect(demuxLogs(Buffer.from('plain tty text\n'))).toBe('plain tty text\n');
  });

  it('keeps the last lines, with control characters made visible', () => {
    expect(lastLines('a\n\nb\nc\x1b[31mred\n', 2)).toEqual(['b', 'c\\x1B[31mred']);
    expect(lastLines(`${'x'.repeat(300)}\n`, 1)[0]).toHaveLength(201);
  });
});
