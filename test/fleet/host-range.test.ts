import { describe, expect, it } from 'vitest';
import { expandHostPattern, MAX_RANGE_HOSTS } from '../../src/inventory/host-range.js';

describe('host patterns', () => {
  it.each([
    ['web1', ['web1'], undefined],
    ['web[01:03].example.com', ['web01.example.com', 'web02.example.com', 'web03.example.com'], undefined],
    ['db-[a:c]', ['db-a', 'db-b', 'db-c'], undefined],
    ['n[1:9:4]', ['n1', 'n5', 'n9'], undefined],
    ['n[:2]', ['n0', 'n1', 'n2'], undefined],
    ['r[1:2]-[a:b]', ['r1-a', 'r1-b', 'r2-a', 'r2-b'], undefined],
    ['web[1:2]:2222', ['web1', 'web2'], 2222],
    ['10.0.0.5:22', ['10.0.0.5'], 22],
    ['[2001:db8::1]:2200', ['2001:db8::1'], 2200],
    ['2001:db8::1', ['2001:db8::1'], undefined],
  ])('%s', (pattern, names, port) => {
    expect(expandHostPattern(pattern)).toEqual({ names, ...(port ? { port } : {}) });
  });

  it.each([
    ['web[3:1]', 'beginning comes after its end'],
    ['web[01:100]', 'zero-padded range whose beginning and end differ in length'],
    ['web[1:]', 'range without an end'],
    ['web[1:5:0]', 'step that is not a positive number'],
    ['web[a:5]', 'neither numbers nor single letters'],
    ['web[1:2:3:4]', 'not [begin:end]'],
    ['web:x', 'neither a port nor inside a range'],
    ['web:70000', 'port outside 1-65535'],
    ['we]b', 'not a range'],
  ])('refuses %s', (pattern, why) => {
    expect(() => expandHostPattern(pattern, 7)).toThrow(why);
    expect(() => expandHostPattern(pattern, 7)).toThrow(expect.objectContaining({ line: 7 }));
  });

  it('refuses a range too large before making any name, however large it is', () => {
    const started = Date.now();
    expect(() => expandHostPattern('h[0:999999999999999]')).toThrow(`more than ${MAX_RANGE_HOSTS} hosts`);
    // Each range alone is small; their product is not.
    expect(() => expandHostPattern('h[0:99][0:99][0:99]')).toThrow(`more than ${MAX_RANGE_HOSTS} hosts`);
    expect(Date.now() - started).toBeLessThan(500);
    expect(expandHostPattern('h[0:99][0:99]').names).toHaveLength(10_000);
  });
});
