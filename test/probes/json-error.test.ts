import { describe, expect, it } from 'vitest';
import { findJsonError, lineColumn } from '../../src/facts/json-error.js';
import { parseDaemonJson } from '../../src/probes/daemon-json-probe.js';

const VALID = '{\n  "icc": false,\n  "log-opts": { "max-size": "10m", "max-file": "3" },\n  "hosts": ["unix:///run/docker.sock"],\n  "n": -1.5e3,\n  "s": "a\\"b\\u00e9"\n}\n';

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

  it('rejects a top level that is not an object, with its position', () => {
    expect(parseDaemonJson('\n  ["icc"]')).toEqual({ parseError: { message: 'the top level must be a JSON object, not an array', line: 2, column: 3 } });
  });
});
