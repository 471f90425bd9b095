import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './parse-dockerfile.js';
import { UserError } from '../core/errors.js';

function refusal(text: string): string {
  try {
    parseDockerfile(text, '/p/Dockerfile');
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('parsed');
}

describe('parseDockerfile', () => {
  it.each([
    ['', '/p/Dockerfile:1: there is no FROM instruction'],
    ['# only a comment\n', '/p/Dockerfile:1: there is no FROM instruction'],
    ['FROM a\nFORM b\n', '/p/Dockerfile:2: unknown instruction "FORM"'],
    ['RUN x\nFROM a\n', '/p/Dockerfile:1: RUN comes before the first FROM'],
    ['FROM a\nRUN <<EOF\necho\n', '/p/Dockerfile:2: the here-document <<EOF is never closed'],
    ['FROM\n', '/p/Dockerfile:1: FROM has no arguments'],
    ['FROM a AS\n', '/p/Dockerfile:1: FROM takes an image'],
    ['FROM a\0\n', '/p/Dockerfile:1: the file contains NUL bytes'],
    [`FROM a\nRUN echo ${'x'.repeat(65_536)}\n`, "/p/Dockerfile:2: the line is longer than docker build's limit of 65536 bytes"],
  ])('refuses %j with the file and line', (text, start) => {
    const message = refusal(text);
    expect(message.startsWith(start)).toBe(true);
    expect(message).toMatch(/nothing was written\.$/);
    expect(message).not.toContain('\n');
  });

  it('groups stages, resolves stage references case-insensitively and substitutes ARGs before FROM', () => {
    const doc = parseDockerfile('# escape=`\nARG BASE=alpine:3.19\nFROM ${BASE} AS Build\nRUN a `\n  b\nFROM build\nUSER x\n', 'Dockerfile');
    expect(doc.escape).toBe('`');
    expect(doc.stages.map((s) => s.name)).toEqual(['build', null]);
    expect(doc.stages[0].image).toMatchObject({ reference: 'alpine:3.19', args: ['BASE'] });
    expect(doc.stages[1].parent).toBe(doc.stages[0]);
    expect(doc.stages[0].instructions[0]).toMatchObject({ keyword: 'RUN', line: 4, endLine: 5 });
    expect(doc.preFrom.map((i) => i.keyword)).toEqual(['ARG']);
  });

  it('gives offsets that point at the instruction in the text', () => {
    const text = 'FROM a\r\n  RUN x\r\n';
    const run = parseDockerfile(text, 'Dockerfile').stages[0].instructions[0];
    expect(text.slice(run.start, run.end)).toBe('RUN x');
  });

  it('keeps a line just under the limit, counted in bytes, and a megabyte instruction over continuation lines in linear time', () => {
    expect(() => parseDockerfile(`FROM a\nRUN echo ${'é'.repeat(32_760)}\n`, 'Dockerfile')).not.toThrow();
    expect(refusal(`FROM a\nRUN echo ${'é'.repeat(32_770)}\n`)).toContain(':2: the line is longer');
    const word = Array.from({ length: 32 }, () => 'a'.repeat(32 * 1024)).join('\\\n');
    const start = performance.now();
    const doc = parseDockerfile(`FROM a\nRUN echo ${word}\n`, 'Dockerfile');
    expect(doc.stages[0].instructions[0].keyword).toBe('RUN');
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
