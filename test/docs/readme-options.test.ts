// The README documents every option of every command: for each command, the options its help
// lists must each be named in that command's README section ("### `docker-harden plan`"; the
// program's own options in "### Global options"). The help is commander's own, in process, so a
// new option fails this test until the README describes it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

async function help(path: string[]): Promise<string> {
  const out: string[] = [];
  const code = await main(['help', ...path], { out: (t) => out.push(t), err: (t) => out.push(t) });
  expect(code).toBe(0);
  return out.join('\n');
}

/** The indented lines of one block of a help text ("Options:", "Commands:"). */
function block(helpText: string, title: string): string[] {
  const lines = helpText.split('\n');
  const start = lines.indexOf(`${title}:`);
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && !l.startsWith(' '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** "  -o, --output <file>  write ..." -> "--output"; "  -y  ..." -> "-y". Continuation lines have none. */
function listedOptions(helpText: string): string[] {
  return block(helpText, 'Options').flatMap((l) => {
    const m = /^ {2}(?:(-\w)(?:, )?)?(--[\w-]+)?/.exec(l);
    const flag = m?.[2] ?? m?.[1];
    return flag ? [flag] : [];
  });
}

const subcommands = (helpText: string) => block(helpText, 'Commands').flatMap((l) => /^ {2}([a-z][\w-]*)/.exec(l)?.[1] ?? []);

/** The body of the README's "### ..." section whose heading names this command. */
function sectionFor(readme: string, command: string): string | undefined {
  const sections = readme.split(/^### /m).slice(1);
  const named = (heading: string) =>
    command === ''
      ? /^Global options/.test(heading)
      : heading.includes(`docker-harden ${command}\``) || heading.includes(`docker-harden ${command} `) || heading.includes(`\`${command} `);
  return sections
    .find((s) => named(s.split('\n')[0]!))
    ?.split('\n')
    .slice(1)
    .join('\n');
}

/** Options the help lists that the section does not name as code (`-o, --output <file>`); `--help` is described once, globally. */
function undocumented(helpText: string, section: string, command: string): string[] {
  return listedOptions(helpText).filter((flag) => (command === '' || flag !== '--help') && !new RegExp(`\`(?:-\\w, )?${flag}(?![\\w-])`).test(section));
}

async function allCommands(path: string[] = []): Promise<{ path: string[]; help: string }[]> {
  const text = await help(path);
  const nested = await Promise.all(subcommands(text).map((name) => allCommands([...path, name])));
  return [{ path, help: text }, ...nested.flat()];
}

describe('README options', () => {
  it('the check itself: a listed option missing from the section is reported', () => {
    const text =
      'Usage: x\n\nOptions:\n  -o, --output <file>  write\n                       it\n  --dummy-flag         new\n  -y                   yes\n  -h, --help           help\n';
    expect(listedOptions(text)).toEqual(['--output', '--dummy-flag', '-y', '--help']);
    expect(undocumented(text, '- `-o, --output <file>`: ...\n- `-y`: ...', 'x')).toEqual(['--dummy-flag']);
    expect(undocumented(text, 'mentions --dummy-flag only in passing, `--output` and `-y`', 'x')).toEqual(['--dummy-flag']);
  });

  it('every command has a README section that names each option its help lists', async () => {
    const commands = await allCommands();
    expect(commands.map((c) => c.path.join(' '))).toEqual(
      expect.arrayContaining(['', 'inspect', 'audit', 'plan', 'apply', 'rollback', 'script', 'patch', 'dockerfile', 'profiles', 'profiles show', 'help']),
    );
    const missing: string[] = [];
    for (const { path, help: text } of commands) {
      const name = path.join(' ');
      const section = sectionFor(README, name);
      if (section === undefined) {
        missing.push(`${name || 'docker-harden'}: no README section`);
        continue;
      }
      for (const flag of undocumented(text, section, name)) missing.push(`${name || 'docker-harden'} ${flag}`);
    }
    expect(missing, 'options that `help` lists and README.md does not describe').toEqual([]);
  });
});
