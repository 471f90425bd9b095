// Usage errors through the real entry point, as a table: one sentence in the tool's voice, a hint
// naming the help to read, exit 2, and none of commander's own output ("error: ...").
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const cases: [string, string[], RegExp, string][] = [
  ['a missing --profile', ['plan'], /^docker-harden: plan needs --profile <name\|file>\.$/, 'See docker-harden help plan.'],
  ['a missing --profile (apply)', ['apply', '--yes'], /^docker-harden: apply needs --profile <name\|file>\.$/, 'See docker-harden help apply.'],
  ['an unknown option', ['plan', '-p', 'strict', '--bogus'], /^docker-harden: plan has no option --bogus\.$/, 'See docker-harden help plan.'],
  [
    'an unknown option close to a real one',
    ['audit', '--formt', 'json'],
    /^docker-harden: audit has no option --formt\.$/,
    'Did you mean --format? See docker-harden help audit.',
  ],
  ['an unknown global option', ['--bogus'], /^docker-harden: docker-harden has no option --bogus\.$/, 'See docker-harden help.'],
  ['an option without its value', ['script', '-p'], /^docker-harden: The option --profile needs a value\.$/, 'See docker-harden help script.'],
  [
    'a bad --fail-on (audit)',
    ['audit', '--fail-on', 'severe'],
    /^docker-harden: --fail-on does not take "severe"\.$/,
    'Use one of: info, low, medium, high, critical, or none.',
  ],
  [
    'a bad --fail-on (dockerfile)',
    ['dockerfile', '--fail-on', 'severe'],
    /^docker-harden: --fail-on does not take "severe"\.$/,
    'Use one of: info, low, medium, high, critical, or none.',
  ],
  [
    'a bad choice',
    ['dockerfile', '--format', 'xml'],
    /^docker-harden: --format does not take "xml"\.$/,
    'Use one of: table, json. See docker-harden help dockerfile.',
  ],
  [
    'a bad --format (plan)',
    ['plan', '-p', 'strict', '--format', 'yaml'],
    /^docker-harden: --format does not take "yaml"\.$/,
    'Use one of: text, json. See docker-harden help plan.',
  ],
  ['an unknown command', ['frob'], /^docker-harden: unknown command "frob"\.$/, 'See docker-harden help.'],
  ['an unknown subcommand', ['profiles', 'frob'], /^docker-harden: unknown command "profiles frob"\.$/, 'See docker-harden help profiles.'],
  ['a missing argument', ['profiles', 'show'], /^docker-harden: profiles show needs the argument <profile>\.$/, 'See docker-harden help profiles show.'],
  ['an extra argument', ['plan', '-p', 'strict', 'extra'], /^docker-harden: plan takes no argument "extra"\.$/, 'See docker-harden help plan.'],
  ['help for an unknown command', ['help', 'frob'], /^docker-harden: unknown command "frob"\.$/, 'Commands: '],
  ['help for an unknown subcommand', ['help', 'profiles', 'frob'], /^docker-harden: unknown command "profiles frob"\.$/, 'Commands: show.'],
];

describe('usage errors', () => {
  it.each(cases)('%s: one sentence, a hint, exit 2', async (_name, argv, sentence, hint) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    const [first, second, ...rest] = r.stderr.split('\n');
    expect(first).toMatch(sentence);
    expect(second).toContain(hint);
    expect(rest).toEqual([]);
    expect(r.stderr).not.toMatch(/^error: |Usage:/m);
    expect(r.stdout).toBe('');
  });
});

describe('help [command]', () => {
  it('help prints the program help, listing every command, and exits 0', async () => {
    const r = await run('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: docker-harden /);
    for (const name of ['inspect', 'audit', 'plan', 'apply', 'rollback', 'script', 'patch', 'dockerfile', 'profiles', 'help']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
  });

  it('help apply is apply --help', async () => {
    const viaHelp = await run('help', 'apply');
    const viaFlag = await run('apply', '--help');
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: docker-harden apply /);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('help profiles show reaches a nested command', async () => {
    const r = await run('help', 'profiles', 'show');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: docker-harden profiles show /);
  });
});

describe('--fail-on', () => {
  it('both commands list the same levels and default', async () => {
    const audit = (await run('help', 'audit')).stdout;
    const dockerfile = (await run('help', 'dockerfile')).stdout;
    const line = (text: string) => text.replace(/\s+/g, ' ').match(/--fail-on <level>.*?\(default: "high"\)/)?.[0];
    expect(line(audit)).toContain('info, low, medium, high, critical, or none');
    expect(line(audit)).toBe(line(dockerfile));
  });

  it('none never fails, info fails on any failing finding (audit of a host with high failures)', async () => {
    const host = ['--from', 'test/fixtures/hosts/debian-docker-io.json', '--no-engine', 'audit', '--format', 'json'];
    expect((await run(...host)).code).toBe(1);
    expect((await run(...host, '--fail-on', 'none')).code).toBe(0);
    expect((await run(...host, '--fail-on', 'info')).code).toBe(1);
    expect((await run(...host, '--fail-on', 'NONE')).code).toBe(0);
  });

  it('none never fails a Dockerfile check either', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dh-fail-on-'));
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:latest\nRUN apt-get update\nADD https://example.com/x.tgz /x\n');
    const args = ['dockerfile', path.join(dir, 'Dockerfile'), '--format', 'json'];
    expect((await run(...args, '--fail-on', 'info')).code).toBe(1);
    expect((await run(...args, '--fail-on', 'none')).code).toBe(0);
  });
});
