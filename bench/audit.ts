// How long the audit engine takes for a host with 100 containers: runAudit alone (no probes, no
// rendering), over the whole catalog. Run with `npx tsx bench/audit.ts [containers] [runs]`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { HostFacts } from '../src/facts/host-facts.js';
import { allRules } from '../src/rules/catalog.js';
import { runAudit } from '../src/audit/run-audit.js';

const CONTAINERS = Number(process.argv[2] ?? 100);
const RUNS = Number(process.argv[3] ?? 20);
// Facts inspected from a private engine with one running container (bench/fixtures/audit-host.json).
const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/audit-host.json');

function hostWith(count: number): HostFacts {
  const facts = JSON.parse(readFileSync(FIXTURE, 'utf8')) as HostFacts;
  const template = facts.engine!.containers[0]!;
  // Vary the settings the runtime rules look at, so both pass and fail paths run.
  facts.engine!.containers = Array.from({ length: count }, (_, i) => {
    const c = structuredClone(template);
    c.Id = `${String(i).padStart(4, '0')}${String(c.Id).slice(4)}`;
    c.Name = `/web-${i}`;
    c.HostConfig.Privileged = i % 10 === 0;
    c.HostConfig.ReadonlyRootfs = i % 3 === 0;
    c.HostConfig.Memory = i % 2 === 0 ? 268435456 : 0;
    if (i % 7 === 0) c.HostConfig.NetworkMode = 'host';
    if (i % 5 === 0) c.HostConfig.CapDrop = ['ALL'];
    return c;
  });
  return facts;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const base = hostWith(CONTAINERS);
const times: number[] = [];
let findings = 0;
for (let run = -2; run < RUNS; run++) {
  // A fresh copy each run: per-facts caches (effective config) must not carry over between runs.
  const facts = structuredClone(base);
  const start = performance.now();
  const report = runAudit(facts, allRules);
  const ms = performance.now() - start;
  if (run >= 0) times.push(ms); // the first two runs warm the JIT
  findings = report.findings.length;
}
console.log(
  `runAudit: ${allRules.length} rules, ${CONTAINERS} containers, ${findings} findings: ` +
    `median ${median(times).toFixed(2)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)})`,
);
