// `npm run bench` (issue 16): the fleet audit's wall time for 1, 2 and 4 hosts. Each host is a
// loopback host of its own (test/remote/loopback-host.ts: its own sshd, tree and dockerd), alike
// in pairs. The hosts are inspected concurrently, so time must grow far slower than their number:
// the target is 4 hosts in at most twice the time of one. 4 hosts with --concurrency 1 show what
// the concurrency buys. The cases are run in turn, RUNS times after a warm-up round, so that
// machine load falls on all of them alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AS_INSTALLED, HARDENED, inventoryIni, startLoopbackHost, type LoopbackHost } from '../test/remote/loopback-host.js';

const REPO = path.resolve(import.meta.dirname, '..');
const BIN = process.env.BENCH_BIN ?? path.join(REPO, 'bin/docker-harden.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Host counts at the default concurrency, then 4 hosts one at a time: what the concurrency buys. */
const CASES = [
  { n: 1, extra: [] as string[] },
  { n: 2, extra: [] },
  { n: 4, extra: [] },
  { n: 4, extra: ['--concurrency', '1'] },
];
const TARGET = 2.0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timing {
  wall: number;
  /** CPU of the command and its ssh clients (GNU time) plus that of every process of the hosts it audited. */
  cpu: number;
  /** CPU of the command and its ssh clients alone: what auditing a fleet costs the machine it runs on. */
  client: number;
}

/** One fleet audit; every host in the inventory must be audited (exit 0 or 1: findings, no failures). */
async function fleetAudit(inventory: string, hosts: LoopbackHost[], extra: string[]): Promise<Timing> {
  const names = hosts.map((h) => h.name);
  const hostCpu = () => hosts.reduce((sum, h) => sum + h.cpuMs(), 0);
  const before = hostCpu();
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'DH-TIME %U %S', process.execPath, BIN, 'audit', '--inventory', inventory, '--format', 'json', ...extra], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = performance.now() - start;
  if (run.status !== 0 && run.status !== 1) throw new Error(`audit --inventory ${inventory}: exit ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { hosts: { host: string }[]; unreachable: { host: string; message: string }[] };
  if (report.unreachable.length > 0) throw new Error(`audit --inventory ${inventory}: ${report.unreachable.map((u) => u.message).join(' ')}`);
  const audited = report.hosts.map((h) => h.host);
  if (audited.join() !== names.join()) throw new Error(`audit --inventory ${inventory} reported ${audited.join(', ')}, not ${names.join(', ')}`);
  // The hosts' sshd reaps a closed session a moment after the client has gone.
  await new Promise((r) => setTimeout(r, 300));
  const [, user, sys] = /DH-TIME ([\d.]+) ([\d.]+)/.exec(run.stderr) ?? [];
  const client = (Number(user) + Number(sys)) * 1000;
  return { wall, cpu: client + hostCpu() - before, client };
}

async function main(): Promise<void> {
  const dir = mkdtempSync('/tmp/dh-bench-fleet-');
  const hosts: LoopbackHost[] = [];
  try {
    const started = performance.now();
    const made = await Promise.allSettled([2, 3, 4, 5].map((n) => startLoopbackHost(`docker-${n - 1}`, `127.0.0.${n}`, 2422, n % 2 ? HARDENED : AS_INSTALLED)));
    for (const m of made) if (m.status === 'fulfilled') hosts.push(m.value);
    const failed = made.find((m): m is PromiseRejectedResult => m.status === 'rejected');
    if (failed) throw failed.reason;
    const startup = performance.now() - started;

    const inventories = CASES.map(({ n, extra }) => {
      const file = path.join(dir, `hosts-${n}.ini`);
      writeFileSync(file, inventoryIni(hosts.slice(0, n)));
      return { n, extra, file };
    });
    const times = inventories.map(() => [] as Timing[]);
    for (let r = -1; r < RUNS; r++)
      for (const [i, inv] of inventories.entries()) {
        const timing = await fleetAudit(inv.file, hosts.slice(0, inv.n), inv.extra);
        if (r >= 0) times[i]!.push(timing);
      }

    const medians = times.map((ts) => median(ts.map((t) => t.wall)));
    const cpu = times.map((ts) => median(ts.map((t) => t.cpu)));
    const client = times.map((ts) => median(ts.map((t) => t.client)));
    const ratio = medians[2]! / medians[0]!;
    const rows = [['fleet audit --inventory, loopback hosts', 'median wall', 'per host', 'vs 1 host', 'CPU (client + hosts)', 'CPU (client)']];
    for (const [i, inv] of inventories.entries())
      rows.push([
        `${inv.n} host${inv.n > 1 ? 's' : ''}${inv.extra.length ? ` (${inv.extra.join(' ')})` : ''}`,
        `${(medians[i]! / 1000).toFixed(2)} s`,
        `${(medians[i]! / inv.n / 1000).toFixed(2)} s`,
        `${(medians[i]! / medians[0]!).toFixed(2)}×`,
        `${(cpu[i]! / 1000).toFixed(2)} s`,
        `${(client[i]! / 1000).toFixed(2)} s`,
      ]);
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => [...row[c]!].length)));
    for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    console.log(`4 hosts / 1 host: ${ratio.toFixed(2)}× (target ≤ ${TARGET.toFixed(1)}×, hosts ×4): ${ratio <= TARGET ? 'met' : 'MISSED'}`);
    console.log(`(this machine has ${os.availableParallelism()} cores for the client and every host alike: wall time cannot fall below CPU / cores)`);
    console.log(`medians of ${RUNS} interleaved runs; 4 hosts started in ${(startup / 1000).toFixed(1)} s; node ${process.version}; load ${loadAverage()}`);
  } finally {
    await Promise.all(hosts.map((h) => h.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

await main();
