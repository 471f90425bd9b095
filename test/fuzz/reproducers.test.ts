// Cases the fuzzer found, kept as they were found: each ended in exit 70, a message over several
// lines, or a root nobody chose. Each must now end in exit 2 with one sentence (and a hint line).
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry, FuzzCase } from './case.js';
import { noEngineFacts } from './fixtures.js';
import { FuzzRunner } from './runner.js';

const runner = new FuzzRunner(1, true);
afterAll(() => runner.close());

const facts: Entry = { path: 'in/facts.json', type: 'file', content: noEngineFacts };
const empty: Entry = { path: 'in/empty', type: 'file', content: '' };

async function endsInOneSentence(argv: string[], message: RegExp, more: Entry[] = []): Promise<void> {
  const c: FuzzCase = { kind: 'cli-args', entries: [facts, empty, ...more], argv };
  const outcome = await runner.run(c, 0);
  expect({ failures: outcome.failures, code: outcome.code }).toEqual({ failures: [], code: 2 });
  expect(outcome.stderr).toMatch(message);
}

describe('found by the fuzzer', () => {
  it('a --root whose name is too long for the file system (was exit 70, ENAMETOOLONG from stat)', async () => {
    await endsInOneSentence(['--root', 'x'.repeat(300), 'inspect', '--json'], /^docker-harden: cannot stat .*…x+: the name is too long \(ENAMETOOLONG\)\.\n$/);
  });

  it('a --root below a file (was exit 70, ENOTDIR from stat)', async () => {
    await endsInOneSentence(
      ['--root', '{CASE}/in/empty/root', '--from', '{CASE}/in/facts.json', 'audit'],
      /: a part of the path is not a directory \(ENOTDIR\)\.\n$/,
    );
  });

  it('a --root with a NUL in it (was exit 70, ERR_INVALID_ARG_VALUE)', async () => {
    await endsInOneSentence(['--root', '{ROOT}/\u0000', 'plan', '-p', 'strict'], /^docker-harden: a path cannot contain a NUL character\.\n$/);
  });

  it('an ansible output folder whose name is too long (was exit 70)', async () => {
    await endsInOneSentence(
      ['--root', '{ROOT}', '--from', '{CASE}/in/facts.json', 'ansible', '-p', 'baseline', '-o', `{CASE}/out/${'x'.repeat(300)}`],
      /the name is too long \(ENAMETOOLONG\)\.\n$/,
    );
  });

  it('a value with a line break, quoted in the message, stays on the message line', async () => {
    await endsInOneSentence(['--from', '{CASE}/in/facts.json', 'audit', '--fail-on', 'a\nb'], /^docker-harden: --fail-on does not take "a\\x0Ab"\.\n[^\n]+\n$/);
    await endsInOneSentence(['--root', '{ROOT}\n', 'audit'], /^docker-harden: The root \S+\/root\\x0A is not a directory\.\n[^\n]+\n$/);
  });

  it('an empty --root is refused instead of meaning the current directory', async () => {
    await endsInOneSentence(
      ['--root', '', '--from', '{CASE}/in/facts.json', 'apply', '-p', 'strict', '--yes', '--no-restart'],
      /^docker-harden: --root was given an empty value\.\n/,
    );
  });

  it('an empty --from is refused instead of inspecting this machine', async () => {
    await endsInOneSentence(['--root', '{ROOT}', '--from', '', 'audit'], /^docker-harden: --from was given an empty value\.\n/);
  });

  // Each took 10 s and more to read (and minutes at 4 MiB) before the inventory reader had a budget.
  it('an inventory that repeats a 10,000-host range in 300 groups is refused at once', async () => {
    const text = Array.from({ length: 300 }, (_, i) => `[g${i}]\nh[0:9999]\n`).join('');
    await endsInOneSentence(
      ['audit', '--inventory', '{CASE}/in/hosts.ini'],
      /line 22, does not parse: it names hosts more than 100000 times \(ranges expanded\)\.\n/,
      [{ path: 'in/hosts.ini', type: 'file', content: text }],
    );
  });

  it('an inventory whose 10,000 hosts sit under 2,000 parent groups is refused at once', async () => {
    const text = `[g]\nh[0:9999]\n${Array.from({ length: 2000 }, (_, i) => `[c${i}:children]\ng\n`).join('')}`;
    await endsInOneSentence(['audit', '--inventory', '{CASE}/in/hosts.ini'], /its hosts belong to more than 1000000 groups in all/, [
      { path: 'in/hosts.ini', type: 'file', content: text },
    ]);
  });

  it('dockerfile --fix without --yes and without a terminal writes neither its --script nor its --patch', async () => {
    const dockerfile: Entry = { path: 'root/app/Dockerfile', type: 'file', content: 'FROM debian:12\nRUN apt-get update\nCMD ["sh"]\n' };
    const argv = ['--root', '{ROOT}', 'dockerfile', '{CASE}/root/app', '--fix', '--script', '{CASE}/out/fix.sh', '--patch', '{CASE}/out/fix.patch'];
    const outcome = await runner.run({ kind: 'cli-args', entries: [dockerfile], argv }, 0);
    expect({ failures: outcome.failures, code: outcome.code }).toEqual({ failures: [], code: 2 });
    // Before: "Wrote .../fix.sh" and "Wrote .../fix.patch", then the refusal.
    expect(outcome.stderr).toMatch(/^docker-harden: dockerfile --fix asks before writing and there is no terminal to ask on/);
  });
});
