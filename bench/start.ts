// `npm run bench` (issue 17): how fast the built binary starts and audits, as ratios measured in one
// run so that machine load cancels out. Each pair is run interleaved, medians of RUNS.
//   audit --format json, 100 containers   vs  docker inspect $(docker ps -q)      target ≤ 1.0×
//   --version                             vs  node -e 0                            target ≤ 1.2×
//   plan --profile strict, 100 containers vs  audit --format json                  target ≤ 1.3×
//   audit --format json, 300 containers: peak resident memory                      target ≤ 150 MB
//   the wizard in tmux: start until "?", pressed at the first frame, changes the screen  ≤ 400 ms
//   (also shown, without a target: the first frame, and enter at the prompt until the findings)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { mapLimit } from '../src/probes/probe.js';
import { docker, startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../test/support/private-engine.js';
import { timeWizardFindings, timeWizardFirstKey, type WizardKeyTimes } from './wizard-first-key.js';

const REPO = path.resolve(import.meta.dirname, '..');
// BENCH_BIN: another build of the binary (e.g. a checkout of an earlier commit) to compare against.
const BIN = process.env.BENCH_BIN ?? path.join(REPO, 'bin/docker-harden.js');
const FACTS = path.join(REPO, 'test/fixtures/hosts/debian-docker-io.json');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Timing {
  wall: number;
  /** User + system CPU of the command and its children, as GNU time reports it: less moved by load. */
  cpu: number;
}

/** One run under /usr/bin/time; the command must end with one of `ok` exit codes. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, ok = [0]): Timing {
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'DH-TIME %U %S', command, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = performance.now() - start;
  if (!ok.includes(run.status ?? -1)) throw new Error(`${command} ${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
  const [, user, sys] = /DH-TIME ([\d.]+) ([\d.]+)/.exec(run.stderr) ?? [];
  return { wall, cpu: (Number(user) + Number(sys)) * 1000 };
}

/** Medians (wall and CPU) of commands run in turn RUNS times, after one warm-up round (page cache). */
function interleaved(commands: (() => Timing)[]): Timing[] {
  for (const c of commands) c();
  const times = commands.map(() => [] as Timing[]);
  for (let r = 0; r < RUNS; r++) for (const [i, c] of commands.entries()) times[i]!.push(c());
  return times.map((ts) => ({ wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) }));
}

/** Peak resident set of one run in MB, as GNU time reports it. */
function peakMb(args: string[], env: NodeJS.ProcessEnv): number {
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
  if (!kb) throw new Error(`no peak memory from /usr/bin/time: ${run.stderr.slice(-400)}`);
  return Number(kb) / 1024;
}

function post(engine: PrivateEngine, url: string, body?: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: engine.socket, path: url, method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => (res.statusCode && res.statusCode < 300 ? resolve() : reject(new Error(`${url}: HTTP ${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Containers as a busy host has them: some in Compose projects, some limited; the stopped ones partly privileged (this machine cannot start privileged ones). */
async function addContainers(engine: PrivateEngine, from: number, to: number, start: boolean): Promise<void> {
  const ids = Array.from({ length: to - from }, (_, k) => from + k);
  await mapLimit(ids, 8, async (i) => {
    const labels: Record<string, string> = i % 3 === 0 ? { 'com.docker.compose.project': `proj${i % 7}`, 'com.docker.compose.service': `svc${i % 5}` } : {};
    const HostConfig = { NetworkMode: 'none', Privileged: !start && i % 10 === 0, Memory: i % 2 ? 64 * 1024 * 1024 : 0 };
    await post(engine, `/containers/create?name=start-${i}`, { Image: engine.image, Cmd: ['sleep', '3600'], Labels: labels, HostConfig });
    if (start) await post(engine, `/containers/start-${i}/start`);
  });
}

/** The target is judged on wall time; CPU time is shown beside it (ours/baseline, ratio). */
function row(name: string, a: Timing, b: Timing, target: number): string[] {
  const ratio = a.wall / b.wall;
  return [
    name,
    `${a.wall.toFixed(0)} ms`,
    `${b.wall.toFixed(0)} ms`,
    `${ratio.toFixed(2)}×`,
    `≤ ${target}×`,
    ratio <= target ? 'met' : 'MISSED',
    `${a.cpu.toFixed(0)}/${b.cpu.toFixed(0)} ms = ${(a.cpu / b.cpu).toFixed(2)}×`,
  ];
}

async function main(): Promise<void> {
  const engine = await startPrivateEngine();
  if (!engine) throw new Error('dockerd is not installed: apt-get install docker.io busybox-static');
  const env = { ...process.env, NO_COLOR: '1', DOCKER_HOST: engine.host };
  const rows: string[][] = [['measure', 'ours', 'baseline', 'ratio', 'target', '', 'CPU ours/baseline']];
  try {
    await addContainers(engine, 0, 100, true);
    const running = docker(engine, ['ps', '-q']).split('\n').filter(Boolean);
    const audit = () => timed(process.execPath, [BIN, 'audit', '--format', 'json'], env, [0, 1]);
    const inspect = () => timed('docker', ['inspect', ...running], env);
    const plan = () => timed(process.execPath, [BIN, 'plan', '--profile', 'strict'], env, [0, 1]);
    const version = () => timed(process.execPath, [BIN, '--version'], env);
    const bare = () => timed(process.execPath, ['-e', '0'], env);
    const [tAudit, tInspect, tPlan, tVersion, tBare] = interleaved([audit, inspect, plan, version, bare]);
    rows.push(row(`audit --format json, ${running.length} containers vs docker inspect`, tAudit!, tInspect!, 1.0));
    rows.push(row('--version vs node -e 0', tVersion!, tBare!, 1.2));
    rows.push(row('plan --profile strict vs audit, 100 containers', tPlan!, tAudit!, 1.3));

    const wizardRuns = Math.min(RUNS, 5);
    const keys = [] as WizardKeyTimes[];
    const findings = [] as number[];
    for (let r = 0; r < wizardRuns; r++) {
      keys.push(await timeWizardFirstKey(`node ${BIN} --from ${FACTS}`));
      findings.push(await timeWizardFindings(`node ${BIN} --from ${FACTS}`));
    }
    const tKey = median(keys.map((k) => k.firstKey));
    const tFrame = median(keys.map((k) => k.firstFrame));
    rows.push(['wizard: start until "?" at the first frame changes it', `${tKey.toFixed(0)} ms`, '', '', '≤ 400 ms', tKey <= 400 ? 'met' : 'MISSED', '']);
    rows.push(['wizard: start until the first frame (no target)', `${tFrame.toFixed(0)} ms`, '', '', '', '', '']);
    rows.push(['wizard: start until enter at the prompt shows the findings (no target)', `${median(findings).toFixed(0)} ms`, '', '', '', '', '']);

    await addContainers(engine, 100, 300, false);
    const peaks = [0, 1, 2].map(() => peakMb([BIN, 'audit', '--format', 'json'], env));
    const peak = median(peaks);
    rows.push(['audit --format json, 300 containers: peak RSS', `${peak.toFixed(0)} MB`, '', '', '≤ 150 MB', peak <= 150 ? 'met' : 'MISSED', '']);
  } finally {
    await stopPrivateEngine(engine);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  console.log(`medians of ${RUNS} interleaved runs (wizard: ${Math.min(RUNS, 5)} of each, memory: 3); node ${process.version}; load ${loadAverage()}`);
}

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

await main();
