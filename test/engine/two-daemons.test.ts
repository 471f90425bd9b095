// Two private daemons at once, each with its own socket and --config-file: inspect against each
// endpoint must name that daemon (by the socket inode it holds), and its strict plan must touch
// only that daemon's daemon.json — never the other's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { cli } from '../e2e/support/cli.js';

// A port from the test's pid, so parallel runs on one machine do not collide.
const TCP_PORT = 23000 + (process.pid % 2000);

describeEngine('two dockerd at once', () => {
  const engines: PrivateEngine[] = [];

  beforeAll(async () => {
    // Started together, as on a host where both run; no image needed to be told apart.
    const started = await Promise.all([
      startPrivateEngine({ importImage: false, daemonJson: { 'max-concurrent-downloads': 2 } }),
      // The second also listens on loopback TCP, to be found through /proc/net/tcp as well.
      startPrivateEngine({ importImage: false, daemonJson: { 'max-concurrent-uploads': 3 }, extraArgs: ['-H', `tcp://127.0.0.1:${TCP_PORT}`] }),
    ]);
    engines.push(...started.filter((e): e is PrivateEngine => e !== null));
    expect(engines).toHaveLength(2);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(engines.map((e) => stopPrivateEngine(e)));
  }, 60_000);

  it('inspect names the daemon behind each endpoint: its pid, by socket inode, and its daemon.json', async () => {
    for (const engine of engines) {
      const facts = await inspectHost({ root: '/', dockerHost: engine.host });
      const pidfile = Number(readFileSync(path.join(engine.dir, 'docker.pid'), 'utf8'));
      expect(facts.dockerd?.pid).toBe(pidfile);
      expect(facts.dockerd?.identifiedBy).toBe('socket-inode');
      expect(facts.daemonIdentity).toEqual({ status: 'identified', reason: `pid ${pidfile} holds the socket listening on ${engine.host}.` });
      expect(facts.daemonJson.path).toBe(path.join(engine.dir, 'daemon.json'));
      // No systemd as pid 1 here, and the daemon's own --pidfile is no service's: started by hand.
      expect(facts.dockerd?.manager?.kind).toBe('manual');
      expect(facts.dockerd?.limits?.nofile?.hard).toBe(Number(/Max open files\s+\S+\s+(\S+)/.exec(readFileSync(`/proc/${pidfile}/limits`, 'utf8'))![1]));
      expect(facts.dockerd?.capabilities?.effective).toMatch(/^[0-9a-f]{16}$/);
    }
    const pids = await Promise.all(engines.map(async (e) => (await inspectHost({ root: '/', dockerHost: e.host })).dockerd?.pid));
    expect(new Set(pids).size).toBe(2);
  }, 60_000);

  it('finds the daemon behind a TCP endpoint through /proc/net/tcp, and none behind a port nobody listens on', async () => {
    const tcp = await inspectHost({ root: '/', dockerHost: `tcp://127.0.0.1:${TCP_PORT}` });
    expect(tcp.dockerd).toMatchObject({ pid: Number(readFileSync(path.join(engines[1].dir, 'docker.pid'), 'utf8')), identifiedBy: 'socket-inode' });
    expect(tcp.daemonJson.path).toBe(path.join(engines[1].dir, 'daemon.json'));
    const nobody = await inspectHost({ root: '/', dockerHost: `tcp://127.0.0.1:${TCP_PORT + 1}` });
    expect(nobody.dockerd).toBeNull();
    expect(nobody.daemonIdentity?.status).toBe('ambiguous');
    expect(nobody.probes.daemonJson?.status).toBe('error');
  }, 60_000);

  it("plan --profile strict against each endpoint changes only that daemon's config file", async () => {
    for (const [i, engine] of engines.entries()) {
      const other = engines[1 - i];
      const run = await cli('--docker-host', engine.host, '--no-color', 'plan', '--profile', 'strict', '--format', 'json');
      expect(run.code, run.stderr).toBe(0);
      const plan = JSON.parse(run.stdout) as Plan;
      const daemonFiles = plan.files.filter((f) => f.artifact === 'daemon-json');
      expect(daemonFiles.map((f) => [f.path, f.kind])).toEqual([[path.join(engine.dir, 'daemon.json'), 'modify']]);
      // The daemon's own settings survive in its file; the other daemon's are not in it.
      const after = JSON.parse(daemonFiles[0].after!);
      expect(after).toHaveProperty(i === 0 ? 'max-concurrent-downloads' : 'max-concurrent-uploads');
      expect(after).not.toHaveProperty(i === 0 ? 'max-concurrent-uploads' : 'max-concurrent-downloads');
      // Nothing in the plan (files, audit watches, steps) names the other daemon's files or pid.
      const otherPid = readFileSync(path.join(other.dir, 'docker.pid'), 'utf8').trim();
      const text = JSON.stringify(plan);
      expect(text).not.toContain(other.dir);
      expect(plan.steps.map((s) => s.command.join(' ')).filter((c) => c.includes(otherPid) && /kill|HUP/.test(c))).toEqual([]);
      const audit = plan.files.find((f) => f.artifact === 'audit-rules');
      // 1.1.11 watches this daemon's daemon.json, not the default path of some other daemon.
      expect(audit?.after ?? '').toContain(`-w ${path.join(engine.dir, 'daemon.json')} `);
      expect(audit?.after ?? '').not.toContain('/etc/docker/daemon.json ');
    }
  }, 120_000);
});
