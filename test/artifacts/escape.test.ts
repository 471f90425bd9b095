import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { shellQuote, systemdValue, systemdExecWord, systemdLiteralExecWord, auditWord } from '../../src/artifacts/escape.js';

const HOSTILE = [
  'plain/path',
  'with space',
  "it's",
  '$(touch /tmp/dh-pwned)',
  '`id`',
  'new\nline',
  'tab\there',
  'a"b\\c',
  '$HOME ${PATH} $((1+1))',
  "'; rm -rf / #",
  '!bang',
  '*?[glob]',
  '',
  '-n',
  'ünï©ødé',
];

describe('shellQuote', () => {
  it.each(HOSTILE)('bash reads %j back as exactly one literal word', (value) => {
    const run = spawnSync('bash', ['-c', `printf '%s\\0' ${shellQuote(value)}`], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(value + '\0');
  });

  it('is the same for dash (POSIX sh)', () => {
    for (const value of HOSTILE) {
      const run = spawnSync('sh', ['-c', `printf '%s\\0' ${shellQuote(value)}`], { encoding: 'utf8' });
      expect(run.stdout).toBe(value + '\0');
    }
  });

  it('leaves plain words alone and refuses NUL', () => {
    expect(shellQuote('/etc/docker/daemon.json')).toBe('/etc/docker/daemon.json');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
  });
});

describe('systemd escaping', () => {
  it('doubles % in values and refuses line breaks and a trailing backslash', () => {
    expect(systemdValue('50%')).toBe('50%%');
    expect(() => systemdValue('a\nExecStartPre=/bin/sh')).toThrow(/line break/);
    expect(() => systemdValue('a\\')).toThrow(/backslash/);
  });

  it('quotes ExecStart words that hold spaces or quotes; literal words escape specifiers and $', () => {
    expect(systemdExecWord('--containerd=/run/c.sock')).toBe('--containerd=/run/c.sock');
    expect(systemdExecWord('$DOCKER_OPTS')).toBe('$DOCKER_OPTS');
    expect(systemdExecWord('--label=a b')).toBe('"--label=a b"');
    expect(systemdExecWord('say "hi"')).toBe('"say \\"hi\\""');
    expect(systemdExecWord('')).toBe('""');
    expect(systemdLiteralExecWord('/srv/100%/$x')).toBe('/srv/100%%/$$x');
    expect(() => systemdExecWord('a\nb')).toThrow();
  });
});

describe('auditWord', () => {
  it('refuses what auditctl cannot express', () => {
    expect(auditWord('/usr/bin/dockerd')).toBe('/usr/bin/dockerd');
    expect(() => auditWord('/a b')).toThrow(/no quoting/);
    expect(() => auditWord('')).toThrow();
  });
});
