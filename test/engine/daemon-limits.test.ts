// A dockerd started under `prlimit --nofile=20000:20000`: strict's default-ulimits (nofile 65536)
// would stop every container where the daemon cannot raise its hard limit. The plan must keep the
// value within 20000 (with a note giving the figures), and a container must start with it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { docker, findExecutable, startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { cli } from '../e2e/support/cli.js';

const WRAPPER = ['prlimit', '--nofile=20000:20000', '--'];

describeEngine('a daemon whose nofile hard limit is 20000', () => {
  let engine: PrivateEngine | null = null;
  let canRaise = false;
  const pid = () => Number(readFileSync(path.join(engine!.dir, 'docker.pid'), 'utf8'));
  /** Restart the daemon (same prlimit) with only this default-ulimits, and run a container that prints its hard nofile limit. */
  const runWith = async (ulimits: unknown): Promise<{ ok: boolean; out: string }> => {
    await stopPrivateEngine(engine!, { keepDir: true });
    engine = await startPrivateEngine({ dir: engine!.dir, wrapper: WRAPPER, daemonJson: { 'default-ulimits': ulimits } });
    try {
      return { ok: true, out: docker(engine!, ['run', '--rm', '--network', 'none', engine!.image, 'sh', '-c', 'ulimit -Hn']) };
    } catch (err) {
      return { ok: false, out: String((err as { stderr?: string }).stderr ?? err) };
    }
  };

  beforeAll(async () => {
    expect(findExecutable('prlimit')).not.toBeNull();
    engine = await startPrivateEngine({ wrapper: WRAPPER });
    const eff = readFileSync(`/proc/${pid()}/status`, 'utf8').match(/^CapEff:\s*(\S+)/m)![1];
    canRaise = ((BigInt(`0x${eff}`) >> 24n) & 1n) === 1n;
  }, 120_000);
  afterAll(async () => {
    if (engine) await stopPrivateEngine(engine);
  }, 60_000);

  it("the facts carry the daemon's own limits and capabilities", async () => {
    const facts = await inspectHost({ root: '/', dockerHost: engine!.host });
    expect(facts.dockerd?.pid).toBe(pid());
    expect(facts.dockerd?.limits?.nofile).toEqual({ soft: 20000, hard: 20000 });
    expect(facts.dockerd?.capabilities?.effective).toBe(readFileSync(`/proc/${pid()}/status`, 'utf8').match(/^CapEff:\s*(\S+)/m)![1]);
  }, 60_000);

  it('strict plans default-ulimits a container can start with, and says why it is lower', async () => {
    const run = await cli('--docker-host', engine!.host, '--no-color', 'plan', '--profile', 'strict', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    const file = plan.files.find((f) => f.path === path.join(engine!.dir, 'daemon.json'));
    const ulimits = JSON.parse(file!.after!)['default-ulimits'];
    if (canRaise) {
      expect(ulimits.nofile.Hard).toBe(65536); // a daemon with CAP_SYS_RESOURCE may raise it
    } else {
      expect(ulimits.nofile).toEqual({ Name: 'nofile', Hard: 20000, Soft: 20000 });
      expect(plan.warnings.map((w) => w.text).join('\n')).toContain(
        `default-ulimits nofile is 20000:20000, not the profile's 65536:65536: dockerd (pid ${pid()}) has a hard nofile limit of 20000 and lacks CAP_SYS_RESOURCE`,
      );
    }
    const planned = await runWith(ulimits);
    expect(planned, planned.out).toEqual({ ok: true, out: String(ulimits.nofile.Hard) });
  }, 120_000);

  it("the profile's unlowered value really stops containers on this daemon", async () => {
    if (canRaise) return; // nothing to show where the daemon may raise its limits
    const broken = await runWith({ nofile: { Name: 'nofile', Hard: 65536, Soft: 65536 } });
    expect(broken.ok).toBe(false);
    expect(broken.out).toMatch(/error setting rlimit type 7: operation not permitted/);
    // The daemon itself is up: the failure is every container's, as in the report.
    expect(execFileSync('docker', ['-H', engine!.host, 'version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' })).toMatch(/^\d+\./);
  }, 120_000);
});
