// `npm run fuzz`: many cases of every input kind through the sandboxed runner, two at a time,
// then the count of each failure class by input kind and a reproducer for each kind and class.
//   tsx test/fuzz/run.ts [--cases 10000] [--seed N] [--kinds facts,compose] [--out fuzz-report.json] [--spawn]
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { INPUT_KINDS, type FuzzCase, type InputKind } from './case.js';
import { GENERATORS } from './generators.js';
import { FAILURE_CLASSES, FuzzRunner, type CaseOutcome, type FailureClass } from './runner.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    kinds: { type: 'string' },
    workers: { type: 'string', default: '2' },
    out: { type: 'string', default: 'fuzz-report.json' },
    spawn: { type: 'boolean', default: false },
  },
});
const total = Number(values.cases);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const kinds = (values.kinds?.split(',') ?? INPUT_KINDS) as InputKind[];
const workers = Number(values.workers);

// The same number of cases of each kind, drawn from one seed so a run can be repeated.
const perKind = Math.ceil(total / kinds.length);
const cases: FuzzCase[] = kinds.flatMap((k, i) => fc.sample(GENERATORS[k], { numRuns: perKind, seed: seed + i }));
// Interleaved, so a stopped run has seen every kind.
cases.sort((a, b) => (cases.indexOf(a) % perKind) - (cases.indexOf(b) % perKind) || kinds.indexOf(a.kind) - kinds.indexOf(b.kind));

const counts = new Map<InputKind, Record<FailureClass | 'cases', number>>();
for (const k of kinds) counts.set(k, Object.fromEntries([['cases', 0], ...FAILURE_CLASSES.map((c) => [c, 0])]) as Record<FailureClass | 'cases', number>);
// Exit statuses by kind: a kind whose cases nearly all end in exit 2 is not reaching the code behind the first check.
const exits = new Map<string, number>();
const examples: { kind: InputKind; failure: FailureClass; case: FuzzCase; outcome: CaseOutcome }[] = [];

// Many cases in one process through main() by default; --spawn starts bin/docker-harden.js for each.
const runner = new FuzzRunner(workers, !values.spawn);
const started = Date.now();
let done = 0;
let slowest = 0;
process.on('SIGINT', () => {
  report();
  runner.close();
  process.exit(130);
});
try {
  let nextCase = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, slot) => {
      while (nextCase < cases.length) {
        const c = cases[nextCase++]!;
        const outcome = await runner.run(c, slot);
        const row = counts.get(c.kind)!;
        row.cases++;
        exits.set(`${c.kind} ${outcome.code ?? outcome.signal}`, (exits.get(`${c.kind} ${outcome.code ?? outcome.signal}`) ?? 0) + 1);
        slowest = Math.max(slowest, outcome.ms);
        for (const f of outcome.failures) {
          row[f]++;
          if (examples.filter((e) => e.kind === c.kind && e.failure === f).length < 3) examples.push({ kind: c.kind, failure: f, case: c, outcome });
        }
        if (++done % 100 === 0) process.stderr.write(`${done}/${cases.length} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      }
    }),
  );
} finally {
  runner.close();
}
report();
const failed = [...counts.values()].some((row) => FAILURE_CLASSES.some((c) => row[c] > 0));
process.exitCode = failed ? 1 : 0;

function report(): void {
  const header = ['input kind', 'cases', ...FAILURE_CLASSES];
  const rows = [...counts.entries()].map(([k, row]) => [k, String(row.cases), ...FAILURE_CLASSES.map((c) => String(row[c]))]);
  const sum = ['total', ...header.slice(1).map((_, i) => String(rows.reduce((n, r) => n + Number(r[i + 1]), 0)))];
  const table = [header, ...rows, sum];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  console.log(`seed ${seed}, ${done} cases in ${((Date.now() - started) / 1000).toFixed(0)} s, slowest ${(slowest / 1000).toFixed(1)} s`);
  for (const r of table) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  for (const k of kinds) {
    const byCode = [...exits].filter(([key]) => key.startsWith(`${k} `)).map(([key, n]) => `${key.slice(k.length + 1)}: ${n}`);
    console.log(`exits of ${k}: ${byCode.join(', ')}`);
  }
  writeFileSync(values.out!, JSON.stringify({ seed, done, counts: Object.fromEntries(counts), examples }, null, 2) + '\n');
  console.log(`reproducers: ${values.out}`);
}
