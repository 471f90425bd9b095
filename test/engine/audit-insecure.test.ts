// End to end on real daemons: insecure containers and daemon settings are reported as failures
// with evidence that names them, and a hardened setup reports the same rules as passing.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker, startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import { main } from '../../src/cli/main.js';
import type { JsonReport, JsonResult } from '../../src/audit/format-json.js';

async function audit(...argv: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main([...argv, 'audit', '--format', 'json'], { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
  if (code === 2 || code === 70) throw new Error(`audit exited ${code}: ${stderr.join('\n')}`);
  return { code, report: JSON.parse(stdout.join('\n')) as JsonReport, stderr: stderr.join('\n') };
}

function hostRoot(dir: string, daemonJson: Record<string, unknown>, mode: number): string {
  mkdirSync(path.join(dir, 'etc/docker'), { recursive: true });
  const file = path.join(dir, 'etc/docker/daemon.json');
  writeFileSync(file, JSON.stringify(daemonJson, null, 2) + '\n');
  chmodSync(file, mode); // after writing: the umask would narrow a mode given to writeFileSync
  return dir;
}

const find = (report: JsonReport, id: string, container?: string): JsonResult => {
  const hit = report.results.find((r) => r.id === id && (container === undefined || r.subject?.container === container));
  if (!hit)
    throw new Error(
      `no ${id} result${container ? ` for container ${container}` : ''} in: ${report.results.map((r) => `${r.id}${r.subject?.container ? `[${r.subject.container}]` : ''}`).join(' ')}`,
    );
  return hit;
};
const evidence = (r: JsonResult) => r.evidence.map((e) => e.detail).join(' | ');

describeEngine('audit on a real engine', (engine) => {
  const tag = randomBytes(3).toString('hex');
  const name = (what: string) => `dh-audit-${what}-${tag}`;
  const network = name('net');
  const containers = ['priv', 'hostnet', 'etc', 'ports', 'hardened'].map(name);
  const dir = mkdtempSync(path.join(tmpdir(), 'dh-audit-engine-'));
  let flagged: PrivateEngine | null = null;

  beforeAll(async () => {
    docker(engine, ['network', 'create', network]);
    docker(engine, ['create', '--privileged', '--name', name('priv'), engine.image, 'sleep', '1000']);
    docker(engine, ['run', '-d', '--network', 'host', '--name', name('hostnet'), engine.image, 'sleep', '1000']);
    docker(engine, ['run', '-d', '-v', '/etc:/host-etc', '--name', name('etc'), engine.image, 'sleep', '1000']);
    const ports = ['--network', network, '-p', '0.0.0.0:80:80', '-p', '[::]:80:80', '--name', name('ports'), engine.image, 'httpd', '-f', '-p', '80'];
    try {
      docker(engine, ['run', '-d', ...ports]);
    } catch {
      // Port 80 may be taken on this machine: the published ports are audited from the config either way.
      docker(engine, ['rm', '-f', name('ports')]);
      docker(engine, ['create', ...ports]);
    }
    docker(engine, [
      'run',
      '-d',
      '--name',
      name('hardened'),
      '--network',
      network,
      '-p',
      '127.0.0.1:18080:8080',
      '--cap-drop',
      'ALL',
      '--read-only',
      '--security-opt',
      'no-new-privileges',
      '--user',
      '1000:1000',
      '--memory',
      '64m',
      '--cpu-shares',
      '512',
      '--pids-limit',
      '64',
      '--restart',
      'on-failure:5',
      '--health-cmd',
      'true',
      engine.image,
      'httpd',
      '-f',
      '-p',
      '8080',
    ]);
    // A daemon started with the insecure flags, so the process probe sees them on its command line.
    flagged = await startPrivateEngine({ extraArgs: ['--insecure-registry', '10.1.2.3:5000', '--log-level', 'debug'], importImage: false });
  }, 120_000);

  afterAll(async () => {
    for (const c of containers) {
      try {
        docker(engine, ['rm', '-f', c]);
      } catch {
        /* never created */
      }
    }
    try {
      docker(engine, ['network', 'rm', network]);
    } catch {
      /* never created */
    }
    if (flagged) await stopPrivateEngine(flagged);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('reports each insecure container and daemon.json setting as a failure naming it', async () => {
    const root = hostRoot(path.join(dir, 'insecure'), { 'insecure-registries': ['10.1.2.3:5000'], 'log-level': 'debug' }, 0o666);
    const { code, report } = await audit('--root', root, '--docker-host', engine.host);
    expect(code).toBe(1);

    const failures: [string, string | undefined, RegExp][] = [
      ['5.5', name('priv'), /Privileged: true/],
      ['5.10', name('hostnet'), /host/],
      ['5.6', name('etc'), /\/etc/],
      ['5.8', name('ports'), /\b80\b/],
      ['5.14', name('ports'), /0\.0\.0\.0/],
      ['5.14', name('ports'), /::/],
      ['2.5', undefined, /10\.1\.2\.3:5000/],
      ['2.3', undefined, /debug/],
      ['3.18', undefined, /666/],
    ];
    for (const [id, container, pattern] of failures) {
      const result = find(report, id, container);
      expect(result.status, `${id} ${container ?? ''}: ${result.message}`).toBe('fail');
      expect(evidence(result), `${id} ${container ?? ''}`).toMatch(pattern);
    }
  });

  it("reads insecure-registry and log-level from the running daemon's flags", async () => {
    const { code, report } = await audit('--docker-host', flagged!.host);
    expect(code).toBe(1);
    expect(report.facts.source).toBe('host');
    const registries = find(report, '2.5');
    expect(registries.status).toBe('fail');
    expect(evidence(registries)).toMatch(/--insecure-registry[ =]10\.1\.2\.3:5000/);
    const logLevel = find(report, '2.3');
    expect(logLevel.status).toBe('fail');
    expect(evidence(logLevel)).toMatch(/--log-level[ =]debug/);
  });

  it('reports a hardened container and a sane daemon.json as passing the same rules', async () => {
    const root = hostRoot(path.join(dir, 'clean'), { 'log-level': 'info', icc: false, 'no-new-privileges': true, 'live-restore': true }, 0o644);
    const { report } = await audit('--root', root, '--docker-host', engine.host);
    for (const id of ['5.5', '5.10', '5.6', '5.8', '5.14']) {
      const result = find(report, id, name('hardened'));
      expect(result.status, `${id}: ${result.message}`).toBe('pass');
    }
    for (const id of ['2.5', '2.3', '3.18']) {
      const result = find(report, id);
      expect(result.status, `${id}: ${result.message}`).toBe('pass');
    }
  });

  it('reports a daemon started without those flags as passing 2.5 and 2.3', async () => {
    const { report } = await audit('--docker-host', engine.host);
    for (const id of ['2.5', '2.3']) {
      const result = find(report, id);
      expect(result.status, `${id}: ${result.message} (${evidence(result)})`).toBe('pass');
    }
  });
});
