// Output paths the user names: a missing directory, a directory, or a special file is one
// sentence and exit 2 (not "unexpected error", exit 70), and nothing is written, for every
// command that writes one and for the wizard's save.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { UserError } from '../../src/core/errors.js';
import { saveScript, savePatch } from '../../src/wizard/act.js';
import { makePlan } from '../../src/services/plan-source.js';

const work = mkdtempSync('/tmp/dh-output-paths-');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const facts = path.join(work, 'facts.json');
writeFileSync(facts, JSON.stringify(emptyFacts()));
const dockerfile = path.join(work, 'proj', 'Dockerfile');
mkdirSync(path.dirname(dockerfile));
writeFileSync(dockerfile, 'FROM alpine:3.19\nCMD ["x"]\n');
const missing = path.join(work, 'no-such-dir', 'out');
const aDir = path.join(work, 'a-dir');
mkdirSync(aDir);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const COMMANDS: [string, (target: string) => string[], string][] = [
  ['script -o', (t) => ['--from', facts, 'script', '--profile', 'strict', '-o', t], '--output'],
  ['patch -o', (t) => ['--from', facts, 'patch', '--profile', 'strict', '-o', t], '--output'],
  ['audit --output', (t) => ['--from', facts, 'audit', '--output', t, '--fail-on', 'critical'], '--output'],
  ['inspect --save', (t) => ['--from', facts, 'inspect', '--save', t], '--save'],
  ['dockerfile --script', (t) => ['dockerfile', dockerfile, '--script', t, '--fail-on', 'none'], '--script'],
  ['dockerfile --patch', (t) => ['dockerfile', dockerfile, '--patch', t, '--fail-on', 'none'], '--patch'],
];

describe('-o into a missing directory or naming a directory', () => {
  it.each(COMMANDS)('%s', async (_name, argv, option) => {
    const before = readdirSync(work, { recursive: true }).sort();
    const gone = await run(...argv(missing));
    expect(gone.code).toBe(2);
    expect(gone.stderr).toBe(
      `docker-harden: Cannot write ${missing}: the directory ${path.dirname(missing)} does not exist.\nCreate it first, or choose another path for ${option}.`,
    );
    const dir = await run(...argv(aDir));
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe(`docker-harden: Cannot write ${aDir}: it is a directory.\nName a file for ${option}, not a directory.`);
    expect(readdirSync(work, { recursive: true }).sort()).toEqual(before);
  });

  it('the wizard save refuses both with a UserError and writes nothing', async () => {
    const { plan } = await makePlan({ from: facts, root: '/', dockerHost: 'unix:///nope.sock', profile: 'strict' });
    for (const save of [(f: string) => saveScript(plan, f, { from: facts, root: '/' }), (f: string) => savePatch(plan, f, { root: '/' })]) {
      await expect(save(missing)).rejects.toThrow(UserError);
      await expect(save(missing)).rejects.toThrow(`Cannot write ${missing}: the directory ${path.dirname(missing)} does not exist.`);
      await expect(save(aDir)).rejects.toThrow(`Cannot write ${aDir}: it is a directory.`);
    }
    expect(readdirSync(aDir)).toEqual([]);
  });
});
