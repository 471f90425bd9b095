// Inputs that once took quadratic time, timed at growing sizes so a return of O(n²) shows as a
// ratio well above the size ratio: `plan --compose` over N services, `audit --format junit` over
// N containers, and a Dockerfile with one long line. No engine needed: facts and files are made
// here. Run with `npx tsx bench/quadratic.ts` (also part of `npm run bench`).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { main } from '../src/cli/main.js';
import { emptyFacts } from '../src/facts/empty-facts.js';
import type { HostFacts } from '../src/facts/host-facts.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dh-bench-'));
const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/audit-host.json');

/** Services that each need base-file edits (privileged, published ports) and an override entry. */
function composeText(services: number): string {
  const lines = ['services:'];
  for (let i = 0; i < services; i++) {
    lines.push(
      `  svc${i}:`,
      `    image: nginx:1.25`,
      `    # service ${i}`,
      `    privileged: true`,
      `    ports: ["${8000 + (i % 1000)}:80"]`,
      `    restart: always`,
    );
  }
  return lines.join('\n') + '\n';
}

function factsWithContainers(count: number): HostFacts {
  const facts = JSON.parse(readFileSync(FIXTURE, 'utf8')) as HostFacts;
  const template = facts.engine!.containers[0]!;
  facts.engine!.containers = Array.from({ length: count }, (_, i) => {
    const c = structuredClone(template);
    c.Id = `${String(i).padStart(6, '0')}${String(c.Id).slice(6)}`;
    c.Name = `/web-${i}`;
    c.HostConfig.Privileged = i % 10 === 0;
    c.HostConfig.Memory = i % 2 === 0 ? 268435456 : 0;
    return c;
  });
  return facts;
}

async function timed(argv: string[]): Promise<{ ms: number; code: number; bytes: number }> {
  let bytes = 0;
  const start = performance.now();
  const code = await main(argv, { out: (t) => (bytes += t.length), err: () => {} });
  return { ms: performance.now() - start, code, bytes };
}

const rows: string[][] = [['case', 'size', 'ms', 'exit', 'output bytes']];
const record = (name: string, size: string, r: { ms: number; code: number; bytes: number }) =>
  rows.push([name, size, r.ms.toFixed(0), String(r.code), String(r.bytes)]);

try {
  const emptyHost = path.join(dir, 'empty-host.json');
  writeFileSync(emptyHost, JSON.stringify(emptyFacts({ probes: { engine: { status: 'missing' } } })));
  await timed(['--from', emptyHost, 'plan', '-p', 'strict', '--compose', writeCompose(10)]); // warm-up
  for (const n of [500, 1000, 2000])
    record('plan --compose', `${n} services`, await timed(['--from', emptyHost, 'plan', '-p', 'strict', '--no-color', '--compose', writeCompose(n)]));

  for (const n of [250, 500, 1000]) {
    const file = path.join(dir, `host-${n}.json`);
    writeFileSync(file, JSON.stringify(factsWithContainers(n)));
    record('audit --format json', `${n} containers`, await timed(['--from', file, 'audit', '--format', 'json']));
    record('audit --format junit', `${n} containers`, await timed(['--from', file, 'audit', '--format', 'junit']));
  }

  // One physical line of 1 MiB is refused (docker build's own 64 KiB line limit); the same megabyte
  // as one word over continuation lines, or as many words, must still take time linear in its size.
  const dockerfiles: [string, (kb: number) => string][] = [
    ['dockerfile, one 1 MiB line', () => `RUN echo ${'a'.repeat(1024 * 1024)}`],
    ['dockerfile, one long word', (kb) => `RUN echo ${Array.from({ length: kb / 32 }, () => 'a'.repeat(32 * 1024)).join('\\\n')}`],
    ['dockerfile, many words', (kb) => `RUN ${Array.from({ length: kb / 32 }, () => 'ab '.repeat(10922)).join('\\\n')}`],
  ];
  for (const [name, body] of dockerfiles) {
    for (const kb of name.includes('1 MiB') ? [1024] : [256, 512, 1024]) {
      const file = path.join(dir, `Dockerfile-${kb}`);
      writeFileSync(file, `FROM debian:12\n${body(kb)}\n`);
      record(name, `${kb} KiB`, await timed(['dockerfile', file]));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function writeCompose(n: number): string {
  const file = path.join(dir, `compose-${n}`, 'docker-compose.yml');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, composeText(n));
  return file;
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
