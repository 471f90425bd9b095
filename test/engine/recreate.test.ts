// Recreating standalone containers hardened, on the private engine: the new container must keep
// running through its gate or the original comes back by itself, and rollback puts the original
// (the same container: id, mounts, data) back under its name.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker, type PrivateEngine } from '../support/private-engine.js';
import { runRecreates } from '../../src/apply/recreate/run-recreates.js';
import { rollbackBackupSet } from '../../src/apply/rollback.js';
import { readManifest } from '../../src/apply/backup-set.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import { loadProfile, selectRules } from '../../src/profiles/index.js';
import { allRules } from '../../src/rules/catalog.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { containersNamed, hardenedStep, inspect, newSet } from './recreate-fixture.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function httpAnswer(port: number, path: string): Promise<string> {
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return `${res.status} ${(await res.text()).trim()}`;
    } catch (err) {
      if (i >= 20) throw err;
      await sleep(250);
    }
  }
}

describeEngine('recreating standalone containers hardened', (engine: PrivateEngine) => {
  const tag = randomBytes(3).toString('hex');
  const root = mkdtempSync('/tmp/dh-recreate-');
  const net = `dh-rc-${tag}`;
  const run = (...args: string[]) => docker(engine, ['run', '-d', '--network', net, '--stop-timeout', '1', ...args]);
  const recreate = async (setId: string, step: ReturnType<typeof hardenedStep>) =>
    (await runRecreates([step], { root, setId, endpoint: engine.host, pollMs: 100 }))[0];

  beforeAll(() => {
    docker(engine, ['network', 'create', net]);
  });
  afterAll(() => {
    const ours = docker(engine, ['ps', '-aq', '--filter', `name=rc${tag}`])
      .split('\n')
      .filter(Boolean);
    if (ours.length) docker(engine, ['rm', '-f', '-v', ...ours]);
    docker(engine, ['network', 'rm', net]);
    docker(engine, ['volume', 'prune', '-f']);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('recreates an httpd with every capability and a writable root: no capabilities, read-only, still answering, and the audit passes it', async () => {
    const name = `rc${tag}-web`;
    const port = randomInt(20000, 30000);
    // cap-add ALL cannot start on these machines without giving up SYS_RESOURCE (see DESIGN.md).
    const oldId = run(
      '--name',
      name,
      '-p',
      `${port}:8080`,
      '--cap-add',
      'ALL',
      '--cap-drop',
      'SYS_RESOURCE',
      '--restart',
      'unless-stopped',
      engine.image,
      'httpd',
      '-f',
      '-p',
      '8080',
      '-h',
      '/etc',
    );
    expect(await httpAnswer(port, '/hostname')).toBe(`200 ${oldId.slice(0, 12)}`);
    const setId = await newSet(root, `set-${tag}-web`, engine.host);

    const outcome = await recreate(setId, hardenedStep(inspect(engine, name)));
    expect(outcome).toMatchObject({ status: 'recreated', name, oldId });
    const now = inspect(engine, name);
    expect(now.Id).not.toBe(oldId);
    expect([now.State.Running, now.HostConfig.CapDrop, now.HostConfig.CapAdd, now.HostConfig.ReadonlyRootfs]).toEqual([true, ['ALL'], null, true]);
    expect(now.HostConfig.PortBindings['8080/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(port) }]);
    expect(now.HostConfig.RestartPolicy.Name).toBe('unless-stopped');
    expect(await httpAnswer(port, '/hostname')).toBe(`200 ${now.Id.slice(0, 12)}`);
    // The original is kept, stopped, under the parked name, and will not start with the daemon.
    const parked = inspect(engine, `${name}.pre-harden-${setId}`);
    expect([parked.Id, parked.State.Running, parked.HostConfig.RestartPolicy.Name]).toEqual([oldId, false, 'no']);
    expect((await readManifest(root, setId)).manifest.recreated).toEqual([
      { name, oldId, newId: now.Id, wasRunning: true, restartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 }, phase: 'recreated' },
    ]);

    const strict = selectRules(await loadProfile('strict'), allRules);
    const audit = runAudit(await inspectHost({ root: '/', dockerHost: engine.host }), strict);
    const status = (id: string) => audit.findings.find((f) => f.id === id && f.subject?.container === name)?.status;
    expect(['5.4', '5.13', '5.14', '5.26', '5.30'].map((id) => `${id} ${status(id)}`)).toEqual([
      '5.4 pass',
      '5.13 pass',
      '5.14 pass',
      '5.26 pass',
      '5.30 pass',
    ]);

    // Rollback: the same container as before, running, with its restart policy; the hardened one is gone.
    const rb = await rollbackBackupSet(root, setId);
    expect(rb.recreated).toEqual([{ name, status: 'restored', message: `original container ${oldId.slice(0, 12)} is back under its name, running again` }]);
    const back = inspect(engine, name);
    expect([back.Id, back.State.Running, back.HostConfig.RestartPolicy.Name, back.HostConfig.CapAdd]).toEqual([oldId, true, 'unless-stopped', ['ALL']]);
    expect(containersNamed(engine, name)).toEqual([`${name} running`]);
    expect(await httpAnswer(port, '/hostname')).toBe(`200 ${oldId.slice(0, 12)}`);
    expect((await readManifest(root, setId)).manifest.recreated?.[0].phase).toBe('rolled-back');
  });

  it('reverts a container whose command writes to / under a read-only root: the original runs again, same id', async () => {
    const name = `rc${tag}-writer`;
    const oldId = run('--name', name, engine.image, 'sh', '-c', 'echo started; echo x > /marker && exec sleep 3600');
    const setId = await newSet(root, `set-${tag}-writer`, engine.host);
    const outcome = await recreate(setId, hardenedStep(inspect(engine, name)));
    expect(outcome.status).toBe('reverted');
    const reason = 'reason' in outcome ? outcome.reason : '';
    const [, logs] = /^recreate reverted: exited 1 after \d+ s; last log lines: (.+)$/.exec(reason) ?? [];
    // stdout and stderr reach the log as two streams, in whichever order the engine copied them.
    expect(logs?.split(' | ').sort(), reason).toEqual(["sh: can't create /marker: Read-only file system", 'started']);
    const back = inspect(engine, name);
    expect([back.Id, back.State.Running]).toEqual([oldId, true]);
    expect(containersNamed(engine, name)).toEqual([`${name} running`]);
    expect((await readManifest(root, setId)).manifest.recreated?.[0]).toMatchObject({ oldId, phase: 'reverted' });
  });

  it('reverts a container killed for its new memory limit, and says so', async () => {
    const name = `rc${tag}-hungry`;
    // The shell keeps the whole command substitution in memory: with 8 MiB it cannot last 3 s.
    const oldId = run('--name', name, engine.image, 'sh', '-c', 'sleep 1; x=$(cat /dev/urandom); sleep 3600');
    const setId = await newSet(root, `set-${tag}-hungry`, engine.host);
    const outcome = await recreate(
      setId,
      hardenedStep(inspect(engine, name), { host: { Memory: 8 * 1024 * 1024, MemorySwap: 8 * 1024 * 1024 }, gateSeconds: 3 }),
    );
    expect(outcome).toHaveProperty('reason', expect.stringMatching(/^recreate reverted: killed for exceeding its memory limit \(OOMKilled\) after \d+ s/));
    expect(inspect(engine, name).Id).toBe(oldId);
  });

  it('waits for a healthcheck: kept once healthy, reverted when it turns unhealthy', async () => {
    const check = (test: string[]) => ({ Healthcheck: { Test: test, Interval: 500e6, Timeout: 1e9, Retries: 1 } });
    const healthy = `rc${tag}-healthy`;
    run('--name', healthy, engine.image, 'sleep', '3600');
    const step = hardenedStep(inspect(engine, healthy));
    const kept = await recreate(await newSet(root, `set-${tag}-healthy`, engine.host), { ...step, create: { ...step.create, ...check(['CMD', 'true']) } });
    expect(kept.status).toBe('recreated');
    expect(inspect(engine, healthy).State.Health.Status).toBe('healthy');

    const sick = `rc${tag}-sick`;
    const sickId = run('--name', sick, engine.image, 'sleep', '3600');
    const sickStep = hardenedStep(inspect(engine, sick), { gateSeconds: 20 });
    const reverted = await recreate(await newSet(root, `set-${tag}-sick`, engine.host), {
      ...sickStep,
      create: { ...sickStep.create, ...check(['CMD', 'false']) },
    });
    // Reverted at the first failed probe, long before the 20 s gate ends.
    expect(reverted).toHaveProperty('reason', expect.stringMatching(/^recreate reverted: turned unhealthy after (?:[0-9]|1[0-9]) s$/));
    expect(inspect(engine, sick).Id).toBe(sickId);
  });

  it('recreates a stopped container without starting it, and rollback leaves the original stopped', async () => {
    const name = `rc${tag}-stopped`;
    const oldId = docker(engine, ['create', '--name', name, '--network', net, engine.image, 'sh', '-c', 'echo x > /marker']);
    const setId = await newSet(root, `set-${tag}-stopped`, engine.host);
    const outcome = await recreate(setId, hardenedStep(inspect(engine, name)));
    expect(outcome).toMatchObject({ status: 'recreated', started: false });
    expect(containersNamed(engine, name)).toEqual([`${name} created`, `${name}.pre-harden-${setId} created`]);
    const rb = await rollbackBackupSet(root, setId);
    expect(rb.recreated.map((r) => r.message)).toEqual([`original container ${oldId.slice(0, 12)} is back under its name, stopped, as it was`]);
    expect(containersNamed(engine, name)).toEqual([`${name} created`]);
    expect(inspect(engine, name).Id).toBe(oldId);
  });

  it('refuses a container whose image is no longer on the engine, and changes nothing', async () => {
    const name = `rc${tag}-noimage`;
    const oldId = run('--name', name, engine.image, 'sleep', '3600');
    const setId = await newSet(root, `set-${tag}-noimage`, engine.host);
    const step = hardenedStep(inspect(engine, name));
    const gone = `sha256:${'0'.repeat(64)}`;
    const outcome = await recreate(setId, { ...step, create: { ...step.create, Image: gone }, container: { ...step.container, image: gone } });
    expect(outcome).toEqual({
      status: 'refused',
      name,
      reason: 'its image 000000000000 is not on the engine any more, so no new container can be made from it',
    });
    expect([inspect(engine, name).Id, inspect(engine, name).State.Running]).toEqual([oldId, true]);
    expect((await readManifest(root, setId)).manifest.recreated).toBeUndefined();
  });

  it('moves a container off the host network onto a network of its own that apply creates, and rollback leaves that network', async () => {
    const name = `rc${tag}-hostnet`;
    const own = `${name}-net`;
    const port = randomInt(30000, 40000);
    const oldId = docker(engine, [
      'run',
      '-d',
      '--name',
      name,
      '--network',
      'host',
      '--stop-timeout',
      '1',
      engine.image,
      'httpd',
      '-f',
      '-p',
      String(port),
      '-h',
      '/etc',
    ]);
    expect(await httpAnswer(port, '/hostname')).toMatch(/^200 /);
    const setId = await newSet(root, `set-${tag}-hostnet`, engine.host);
    const step = hardenedStep(inspect(engine, name));
    const create = step.create as { HostConfig: Record<string, unknown>; ExposedPorts?: unknown };
    create.HostConfig = { ...create.HostConfig, NetworkMode: own, PortBindings: { [`${port}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: String(port) }] } };
    create.ExposedPorts = { [`${port}/tcp`]: {} };

    expect(await recreate(setId, { ...step, createNetworks: [own] })).toMatchObject({ status: 'recreated' });
    const now = inspect(engine, name);
    expect([now.HostConfig.NetworkMode, Object.keys(now.NetworkSettings.Networks)]).toEqual([own, [own]]);
    expect(inspect(engine, own).Labels).toEqual({ 'docker-harden.network-for': name });
    expect(await httpAnswer(port, '/hostname')).toBe(`200 ${now.Config.Hostname}`);

    await rollbackBackupSet(root, setId);
    const back = inspect(engine, name);
    expect([back.Id, back.State.Running, back.HostConfig.NetworkMode]).toEqual([oldId, true, 'host']);
    expect(inspect(engine, own).Name).toBe(own);
    docker(engine, ['network', 'rm', own]);
  });

  it('keeps the data of a named and an anonymous volume through the recreate and the rollback', async () => {
    const name = `rc${tag}-data`;
    const volume = `rc${tag}-named`;
    const oldId = run('--name', name, '-v', `${volume}:/named`, '-v', '/anon', engine.image, 'sleep', '3600');
    docker(engine, ['exec', name, 'sh', '-c', 'echo before-named > /named/f; echo before-anon > /anon/f']);
    const anon = inspect(engine, name).Mounts.find((m: { Destination: string }) => m.Destination === '/anon').Name;
    const volumesBefore = docker(engine, ['volume', 'ls', '-q']).split('\n').sort();
    const setId = await newSet(root, `set-${tag}-data`, engine.host);

    expect((await recreate(setId, hardenedStep(inspect(engine, name)))).status).toBe('recreated');
    expect(docker(engine, ['exec', name, 'cat', '/named/f', '/anon/f'])).toBe('before-named\nbefore-anon');
    docker(engine, ['exec', name, 'sh', '-c', 'echo during-named > /named/g; echo during-anon > /anon/g']);
    expect(
      inspect(engine, name)
        .Mounts.map((m: { Name: string }) => m.Name)
        .sort(),
    ).toEqual([anon, volume].sort());
    expect(docker(engine, ['volume', 'ls', '-q']).split('\n').sort()).toEqual(volumesBefore);

    await rollbackBackupSet(root, setId);
    expect(inspect(engine, name).Id).toBe(oldId);
    expect(docker(engine, ['exec', name, 'cat', '/named/f', '/anon/f', '/named/g', '/anon/g'])).toBe('before-named\nbefore-anon\nduring-named\nduring-anon');
    expect(docker(engine, ['volume', 'ls', '-q']).split('\n').sort()).toEqual(volumesBefore);
  });
});
