import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate } from '../../src/artifacts/render-template.js';

describe('renderTemplate', () => {
  it('never HTML-escapes', () => {
    expect(compileTemplate('{{v}} {{{v}}}', 'audit')({ v: `<a href="x">&'` })).toBe(`<a href="x">&' <a href="x">&'`);
  });

  it('gives each target only its own escaping helpers', () => {
    expect(compileTemplate('echo {{sh v}}', 'sh')({ v: 'a b' })).toBe("echo 'a b'");
    expect(compileTemplate('X={{ini v}}', 'systemd')({ v: '5%' })).toBe('X=5%%');
    expect(compileTemplate('ExecStart={{exec w}}', 'systemd')({ w: ['/bin/x', 'a b'] })).toBe('ExecStart=/bin/x "a b"');
    expect(compileTemplate('{"a": {{json v}} }', 'json')({ v: 'q"\n' })).toBe('{"a": "q\\"\\n" }');
    expect(() => compileTemplate('X={{sh v}}', 'systemd')({ v: 'a' })).toThrow(/sh/);
    expect(() => compileTemplate('echo {{ini v}}', 'sh')({ v: 'a' })).toThrow(/ini/);
  });

  it('fails on a missing field instead of writing an empty string', () => {
    expect(() => compileTemplate('echo {{sh path}}', 'sh')({})).toThrow(/missing/);
    expect(() => compileTemplate('echo {{path}}', 'sh')({})).toThrow(/path/);
  });

  it('stops a value that would break out of its line in a unit file', () => {
    expect(() => compileTemplate('X={{ini v}}', 'systemd')({ v: 'a\nExecStartPre=/bin/sh' })).toThrow(/line break/);
  });

  it('picks the target from the template file name', () => {
    expect(() => renderTemplate('nope/file.txt.hbs', {})).toThrow(/no escaping target/);
  });
});
