// Which steps run where, and the SIGHUP that only ever reaches a dockerd. Real processes: a
// `sleep` posing as the pid a stale plan names must survive the reload step untouched.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runSteps } from '../../src/apply/run-steps.js';
import { daemonReadsRoot } from '../../src/apply/live-steps.js';
import { canaryImages } from '../../src/apply/canary.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import type { PlanStep } from '../../src/plan-model/plan.js';

const step = (id: string, command: string[]): PlanStep => ({ id, description: id, command, when: 'after-files', reason: '' });
const UPDATE = step('docker-update:web', ['docker', '-H', 'unix:///nope/docker.sock', 'update', '--pids-limit=256', 'web']);
const RESTART = step('docker-restart', ['service', 'docker', 'restart']);
const AUDIT = step('audit-load', ['augenrules', '--load']);

describe('runSteps under --root', () => {
  it('skips host steps always, engine steps unless the endpoint was named, daemon steps unless the daemon reads the root', async () => {
    const statuses = async (engineSteps: boolean, daemonSteps: boolean) =>
      (await runSteps([AUDIT, RESTART], { root: '/tmp/somewhere', noRestart: false, engineSteps, daemonSteps })).map((r) => r.status);
    expect(await statuses(false, false)).toEqual(['skipped', 'skipped']);
    const engine = await runSteps([UPDATE], { root: '/tmp/somewhere', noRestart: false, engineSteps: true });
    // It ran: the engine at the named socket does not exist, so docker itself reports the failure.
    expect(engine[0].status).toBe('failed');
    expect(engine[0].message).toMatch(/nope\/docker\.sock/);
    const skipped = await runSteps([UPDATE], { root: '/tmp/somewhere', noRestart: false, engineSteps: false });
    expect(skipped[0].message).toMatch(/^not run under --root \/tmp\/somewhere; run it on the host: docker -H unix:\/\/\/nope\/docker\.sock update/);
  });
});

describe('the SIGHUP step', () => {
  it('refuses a pid that is no longer dockerd, and leaves that process alone', async () => {
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const [r] = await runSteps([step('docker-reload', ['kill', '-s', 'HUP', String(sleeper.pid)])], { root: '/', noRestart: false });
      expect(r.status).toBe('failed');
      expect(r.message).toMatch(new RegExp(`process ${sleeper.pid} is .*sleep, not dockerd .*nothing was signalled`));
      expect(sleeper.exitCode).toBeNull();
      expect(sleeper.signalCode).toBeNull();
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('--no-restart skips it', async () => {
    const [r] = await runSteps([step('docker-reload', ['kill', '-s', 'HUP', '1'])], { root: '/', noRestart: true });
    expect(r.status).toBe('skipped');
  });
});

describe('daemonReadsRoot', () => {
  it('is true on / and for a daemon whose --config-file lies inside the root, false otherwise', () => {
    const root = mkdtempSync('/tmp/dh-root-');
    try {
      mkdirSync(path.join(root, 'etc/docker'), { recursive: true });
      expect(daemonReadsRoot('/', undefined)).toBe(true);
      expect(daemonReadsRoot(root, ['dockerd', '--config-file', path.join(root, 'etc/docker/daemon.json')])).toBe(true);
      expect(daemonReadsRoot(root, ['dockerd', '--config-file=/etc/docker/daemon.json'])).toBe(false);
      expect(daemonReadsRoot(root, ['dockerd'])).toBe(false);
      expect(daemonReadsRoot(root, undefined)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('canaryImages', () => {
  it('takes images of running containers first, then stopped ones, then other local images, at most three', () => {
    const facts = emptyFacts({
      engine: {
        host: 'unix:///x',
        version: {},
        info: {},
        networks: [],
        containers: [
          { Image: 'sha256:stopped', State: { Running: false } },
          { Image: 'sha256:running', State: { Running: true } },
        ],
        images: [{ Id: 'sha256:running' }, { Id: 'sha256:other' }, { Id: 'sha256:fourth' }],
      },
    });
    expect(canaryImages(facts)).toEqual(['sha256:running', 'sha256:stopped', 'sha256:other']);
  });
});
