// Property-based suite: cases of every input kind run through the CLI in a sandbox where only a
// scratch tree is writable. Every command must end with exit 0, 1 or 2 (never 70 or a signal),
// print no stack trace, finish within 10 s, and change nothing outside its root and its chosen
// outputs; exit 2 says one sentence (and a hint line), control characters never reach the terminal
// raw, and reports stay valid HTML, XML or JSON whatever names they quote (runner.ts has the
// failure classes). Most cases run through main() in one sandboxed process; one per kind starts
// bin/docker-harden.js as a user would. `npm run fuzz` runs the same cases by the thousand.
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUT_KINDS, type FuzzCase } from './case.js';
import { GENERATORS } from './generators.js';
import { FuzzRunner } from './runner.js';
import { noEngineFacts } from './fixtures.js';

// 12 kinds: about as many cases in all as the 7 kinds at 50 each had, so the suite stays near 30 s.
const IN_PROCESS_RUNS = Number(process.env.DH_FUZZ_RUNS ?? 30);
const SPAWNED_RUNS = 1;

const inProcess = new FuzzRunner(1, true);
const spawned = new FuzzRunner(1, false);
afterAll(() => {
  inProcess.close();
  spawned.close();
});

async function holds(runner: FuzzRunner, c: FuzzCase): Promise<void> {
  const outcome = await runner.run(c, 0);
  // The whole case in the message: it is the reproducer.
  expect(
    outcome.failures,
    JSON.stringify(
      { case: c, code: outcome.code, signal: outcome.signal, ms: Math.round(outcome.ms), stderr: outcome.stderr.slice(0, 600), outside: outcome.outside },
      null,
      1,
    ),
  ).toEqual([]);
}

describe('hostile input never crashes, hangs or writes outside the root', () => {
  for (const kind of INPUT_KINDS) {
    it(`${kind}`, async () => {
      await fc.assert(
        fc.asyncProperty(GENERATORS[kind], (c) => holds(inProcess, c)),
        { numRuns: IN_PROCESS_RUNS, endOnFailure: true },
      );
      await fc.assert(
        fc.asyncProperty(GENERATORS[kind], (c) => holds(spawned, c)),
        { numRuns: SPAWNED_RUNS, endOnFailure: true },
      );
    }, 120_000);
  }
});

describe('the runner', () => {
  const facts = { path: 'in/facts.json', type: 'file' as const, content: noEngineFacts };
  const audit = (output: string): FuzzCase => ({
    kind: 'facts',
    entries: [facts],
    argv: ['--from', '{CASE}/in/facts.json', 'audit', '--format', 'json', '--output', output],
  });

  it('counts a write beside the root as a write outside it', async () => {
    const outcome = await inProcess.run(audit('{CASE}/beside-root.json'), 0);
    expect([outcome.failures, outcome.outside]).toEqual([['write-outside-root'], ['+beside-root.json']]);
  });

  it('lets nothing be written to the rest of the machine, and counts the attempt', async () => {
    const outcome = await spawned.run(audit(`${spawned.decoy}/report.json`), 0);
    expect(outcome.failures).toEqual(['write-outside-root']);
    expect(outcome.stderr).toMatch(/read-only file system|EROFS/i);
    expect(existsSync(`${spawned.decoy}/report.json`)).toBe(false);
  });
});
