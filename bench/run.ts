// `npm run bench`: how long inspectHost takes against a private engine holding N containers, and
// how many processes it spawns (which must not grow with N: the engine is read over its API).
import childProcess from 'node:child_process';
import module from 'node:module';
import http from 'node:http';
import { startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../test/support/private-engine.js';
import { mapLimit } from '../src/probes/probe.js';

const SIZES = [10, 100, 300];
const RUNS = 5;

// Count every child process, whoever starts it (execa included), by wrapping child_process itself.
// Node's execFile/exec call its internal spawn, not the export, so each start counts once.
let spawns = 0;
const cp = childProcess as unknown as Record<string, (...args: unknown[]) => unknown>;
for (const fn of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
  const original = cp[fn];
  cp[fn] = function counted(this: unknown, ...args: unknown[]) {
    spawns++;
    return original.apply(this, args);
  };
}
module.syncBuiltinESMExports();

function post(engine: PrivateEngine, path: string, body: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: engine.socket, path, method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode && res.statusCode < 300 ? resolve() : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Containers as a busy host has them: some in Compose projects, some with risky settings. */
function containerSpec(engine: PrivateEngine, i: number): unknown {
  const labels: Record<string, string> =
    i % 3 === 0
      ? {
          'com.docker.compose.project': `proj${i % 7}`,
          'com.docker.compose.service': `svc${i % 5}`,
          'com.docker.compose.project.config_files': `/srv/proj${i % 7}/compose.yml`,
        }
      : {};
  return {
    Image: engine.image,
    Cmd: ['sleep', '300'],
    Labels: labels,
    HostConfig: { NetworkMode: 'none', Privileged: i % 10 === 0, Memory: i % 2 ? 64 * 1024 * 1024 : 0, Binds: i % 4 === 0 ? ['/etc:/host-etc:ro'] : [] },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const engine = await startPrivateEngine();
  if (!engine) throw new Error('dockerd is not installed: apt-get install docker.io busybox-static');
  const { inspectHost } = await import('../src/probes/inspect-host.js');
  const rows: string[][] = [['containers', 'median ms', 'min ms', 'max ms', 'spawns/run', 'in facts']];
  try {
    let have = 0;
    for (const n of SIZES) {
      await mapLimit(
        Array.from({ length: n - have }, (_, k) => have + k),
        8,
        (i) => post(engine, `/containers/create?name=bench-${i}`, containerSpec(engine, i)),
      );
      have = n;
      await inspectHost({ root: '/', dockerHost: engine.host }); // warm-up
      const times: number[] = [];
      const spawnCounts: number[] = [];
      let seen = 0;
      for (let r = 0; r < RUNS; r++) {
        spawns = 0;
        const t0 = performance.now();
        const facts = await inspectHost({ root: '/', dockerHost: engine.host });
        times.push(performance.now() - t0);
        spawnCounts.push(spawns);
        seen = facts.engine?.containers.length ?? 0;
      }
      rows.push([
        String(n),
        median(times).toFixed(0),
        Math.min(...times).toFixed(0),
        Math.max(...times).toFixed(0),
        [...new Set(spawnCounts)].join('/'),
        String(seen),
      ]);
    }
  } finally {
    await stopPrivateEngine(engine);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c])).join('  '));
}

await main();
