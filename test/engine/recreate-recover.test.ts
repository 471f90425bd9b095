// A recreate killed half-way (SIGKILL, in a child process) is finished by the next apply or
// rollback: the original container is back under its name, running, with its id; never two
// containers for one name, never none. A container that is not ours under that name is left alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker, type PrivateEngine } from '../support/private-engine.js';
import { recoverRecreates } from '../../src/apply/recreate/recover.js';
import { rollbackBackupSet } from '../../src/apply/rollback.js';
import { readManifest } from '../../src/apply/backup-set.js';
import { containersNamed, hardenedStep, inspect, newSet } from './recreate-fixture.js';

describeEngine('a recreate killed half-way is recovered', (engine: PrivateEngine) => {
  const tag = randomBytes(3).toString('hex');
  const root = mkdtempSync('/tmp/dh-recreate-kill-');
  const net = `dh-rk-${tag}`;
  const run = (...args: string[]) => docker(engine, ['run', '-d', '--network', net, '--stop-timeout', '1', ...args]);

  /** Run the recreate in a child that SIGKILLs itself right after the engine answers `killAfter`. */
  function recreateAndDie(name: string, setId: string, killAfter: 'rename' | 'create') {
    const stepFile = path.join(root, `${name}.json`);
    writeFileSync(stepFile, JSON.stringify(hardenedStep(inspect(engine, name))));
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.resolve('test/engine/recreate-kill-child.ts'), stepFile, root, setId, engine.host, killAfter],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect([child.signal, child.stderr]).toEqual(['SIGKILL', '']);
  }

  beforeAll(() => {
    docker(engine, ['network', 'create', net]);
  });
  afterAll(() => {
    const ours = docker(engine, ['ps', '-aq', '--filter', `name=rk${tag}`])
      .split('\n')
      .filter(Boolean);
    if (ours.length) docker(engine, ['rm', '-f', ...ours]);
    docker(engine, ['network', 'rm', net]);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('killed right after the rename: the name has no container; recover gives the original its name back, running', async () => {
    const name = `rk${tag}-renamed`;
    const oldId = run('--name', name, engine.image, 'sleep', '3600');
    const setId = await newSet(root, `set-${tag}-renamed`, engine.host);
    recreateAndDie(name, setId, 'rename');
    expect(containersNamed(engine, `rk${tag}-renamed`)).toEqual([`${name}.pre-harden-${setId} running`]);
    expect((await readManifest(root, setId)).manifest.recreated?.[0]).toMatchObject({ oldId, phase: 'recreating' });

    const recovered = await recoverRecreates(root, engine.host);
    expect(recovered).toEqual([{ setId, name, status: 'restored', message: `put the original back after an interrupted recreate (backup set ${setId})` }]);
    expect(containersNamed(engine, `rk${tag}-renamed`)).toEqual([`${name} running`]);
    expect(inspect(engine, name).Id).toBe(oldId);
    expect((await readManifest(root, setId)).manifest.recreated?.[0]).toMatchObject({ phase: 'reverted' });
    // Done is done: a second recovery finds nothing to do.
    expect(await recoverRecreates(root, engine.host)).toEqual([]);
  });

  it('killed right after the create: two containers, the original stopped; the next rollback removes the new one and starts the original', async () => {
    const name = `rk${tag}-created`;
    const oldId = run('--name', name, engine.image, 'sleep', '3600');
    const setId = await newSet(root, `set-${tag}-created`, engine.host);
    recreateAndDie(name, setId, 'create');
    expect(containersNamed(engine, `rk${tag}-created`)).toEqual([`${name} created`, `${name}.pre-harden-${setId} exited`]);

    const rb = await rollbackBackupSet(root, setId);
    expect(rb.recovered.map((r) => r.status)).toEqual(['restored']);
    expect(containersNamed(engine, `rk${tag}-created`)).toEqual([`${name} running`]);
    expect(inspect(engine, name).Id).toBe(oldId);
  });

  it('never removes a container it did not make: someone else took the name meanwhile, so the original stays parked', async () => {
    const name = `rk${tag}-taken`;
    run('--name', name, engine.image, 'sleep', '3600');
    const setId = await newSet(root, `set-${tag}-taken`, engine.host);
    recreateAndDie(name, setId, 'rename');
    const theirs = run('--name', name, engine.image, 'sleep', '3600');
    const recovered = await recoverRecreates(root, engine.host);
    expect(recovered).toEqual([
      {
        setId,
        name,
        status: 'failed',
        message: `could not finish an interrupted recreate (backup set ${setId}): the name ${name} now belongs to container ${theirs.slice(0, 12)}, which docker-harden did not make; the original stays as ${name}.pre-harden-${setId}`,
      },
    ]);
    expect(inspect(engine, name).Id).toBe(theirs);
    // Still pending: once the name is free again, a later run finishes it.
    docker(engine, ['rm', '-f', theirs]);
    expect((await recoverRecreates(root, engine.host)).map((r) => r.status)).toEqual(['restored']);
    expect(containersNamed(engine, `rk${tag}-taken`)).toEqual([`${name} running`]);
  });
});
