import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, findJsonError, lineColumn } from '../../src/facts/json-error.js';
import { parseDaemonJson } from '../../src/probes/daemon-json-probe.js';
import { sameJson } from '../../src/artifacts/daemon-json-values.js';

const VALID =
  '{\n  "icc": false,\n  "log-opts": { "max-size": "10m", "max-file": "3" },\n  "hosts": ["unix:///run/docker.sock"],\n  "n": -1.5e3,\n  "s": "a\\"b\\u00e9"\n}\n';

describe('findJsonError', () => {
  it('finds nothing wrong in valid JSON', () => {
    expect(findJsonError(VALID)).toBeNull();
    expect(JSON.parse(VALID)).toBeTruthy();
  });

  it('points at the offending character by line and column', () => {
    const text = '{\n  "icc": false,\n  "live-restore": true,\n}\n';
    expect(findJsonError(text)).toMatchObject({ line: 4, column: 1 });
    expect(findJsonError('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 3, column: 3, message: expect.stringContaining("','") });
    expect(findJsonError('{"a": tru}')).toMatchObject({ line: 1, column: 10, message: 'unexpected "}"' });
    expect(findJsonError('{"a": 1')).toMatchObject({ line: 1, column: 8, message: expect.stringContaining('end of input') });
  });

  it('refuses what dockerd refuses: comments and trailing commas, each at its place', () => {
    expect(findJsonError('{\n  "icc": false // off\n}')).toEqual({ line: 2, column: 16, message: 'comments are not allowed in JSON' });
    expect(findJsonError('{\n  /* x */ "icc": false\n}')).toMatchObject({ line: 2, column: 3, message: 'comments are not allowed in JSON' });
    expect(findJsonError('{"hosts": ["fd://",]}')).toMatchObject({ line: 1, column: 20, message: 'expected a value but found "]"' });
    // A non-breaking space is not JSON whitespace; it is named by code point, never printed raw.
    expect(findJsonError('{"a":\u00a01}')).toMatchObject({ column: 6, message: 'unexpected U+00A0' });
  });

  it('names the line where nesting passes the limit, at any depth and without recursion', () => {
    const deep = '{\n"a":\n' + '['.repeat(100_000);
    expect(findJsonError(deep)).toEqual({ line: 3, column: MAX_JSON_DEPTH, message: `nesting deeper than ${MAX_JSON_DEPTH} levels of arrays and objects` });
    expect(findJsonError('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeNull();
  });

  // JSON.parse is the oracle: the scanner must agree on validity for every truncation and every
  // single-character corruption of a real daemon.json, and on the offset where V8 reports one.
  it('agrees with JSON.parse on every truncation and corruption of a daemon.json', () => {
    const variants: string[] = [];
    for (let i = 0; i < VALID.length; i++) {
      variants.push(VALID.slice(0, i));
      for (const ch of ['}', ',', '"', 'x', ':', ']', '\\', '0']) variants.push(VALID.slice(0, i) + ch + VALID.slice(i + 1));
    }
    let positioned = 0;
    for (const text of variants) {
      let v8: Error | null = null;
      try {
        JSON.parse(text);
      } catch (err) {
        v8 = err as Error;
      }
      const mine = findJsonError(text);
      expect(mine === null, text).toBe(v8 === null);
      const pos = v8 ? /at position (\d+)/.exec(v8.message) : null;
      if (pos && mine) {
        expect({ line: mine.line, column: mine.column }, text).toEqual(lineColumn(text, Number(pos[1])));
        positioned++;
      }
    }
    expect(positioned).toBeGreaterThan(100);
  });
});

describe('parseDaemonJson', () => {
  it('accepts an empty file and a UTF-8 BOM the way dockerd does', () => {
    expect(parseDaemonJson('  \n')).toEqual({ value: {} });
    expect(parseDaemonJson('\uFEFF{"debug": true}')).toEqual({ value: { debug: true } });
  });

  it('refuses valid JSON nested past the limit before anything walks it', () => {
    // The object is level 1, so the 1000th "[" opens level 1001.
    const text = `{"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(() => JSON.parse(text)).not.toThrow();
    expect(parseDaemonJson(text)).toEqual({ parseError: { line: 1, column: 6 + MAX_JSON_DEPTH, message: expect.stringMatching(/^nesting deeper than/) } });
  });

  it('compares values of any depth without recursion', () => {
    const nest = () => {
      let v: unknown = 1;
      for (let i = 0; i < 100_000; i++) v = { k: [v] };
      return v;
    };
    expect(sameJson(nest(), nest())).toBe(true);
    expect(sameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });

  it('rejects a top level that is not an object, with its position', () => {
    expect(parseDaemonJson('\n  ["icc"]')).toEqual({ parseError: { message: 'the top level must be a JSON object, not an array', line: 2, column: 3 } });
  });
});
