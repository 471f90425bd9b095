// Recreates through the one path that carries out a plan (executePlan, as `apply` and the wizard
// use it): the backup set records them, the events say what was recreated and what was reverted,
// and the next apply first finishes a recreate a killed run left half done.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker, type PrivateEngine } from '../support/private-engine.js';
import { describeEvent, executePlan, type ExecuteEvent } from '../../src/services/execute-plan.js';
import { readManifest } from '../../src/apply/backup-set.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { main } from '../../src/cli/main.js';
import type { Plan } from '../../src/plan-model/plan.js';
import type { RecreateStep } from '../../src/plan-model/recreate.js';
import { manifestRecorder, parkedName } from '../../src/apply/recreate/recreate-record.js';
import { containersNamed, hardenedStep, inspect, newSet } from './recreate-fixture.js';

describeEngine('apply recreates the plan’s containers', (engine: PrivateEngine) => {
  const tag = randomBytes(3).toString('hex');
  const root = mkdtempSync('/tmp/dh-recreate-apply-');
  const net = `dh-ra-${tag}`;
  const run = (...args: string[]) => docker(engine, ['run', '-d', '--network', net, '--stop-timeout', '1', ...args]);
  const plan = (recreates: RecreateStep[]): Plan => ({
    profile: 'strict',
    facts: { source: 'test', collectedAt: new Date().toISOString(), root },
    endpoint: engine.host,
    files: [],
    permissions: [],
    steps: [],
    warnings: [],
    manual: [],
    refused: [],
    recreates,
  });
  const apply = async (p: Plan) => {
    const events: ExecuteEvent[] = [];
    const done = await executePlan(p, emptyFacts(), { root, noRestart: true }, (e) => events.push(e));
    return { done, events, lines: events.map(describeEvent) };
  };

  beforeAll(() => {
    docker(engine, ['network', 'create', net]);
  });
  afterAll(() => {
    const ours = docker(engine, ['ps', '-aq', '--filter', `name=ra${tag}`])
      .split('\n')
      .filter(Boolean);
    if (ours.length) docker(engine, ['rm', '-f', ...ours]);
    docker(engine, ['network', 'rm', net]);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('reports one container recreated and one reverted, and records both in the backup set', async () => {
    const good = `ra${tag}-good`;
    const bad = `ra${tag}-bad`;
    const goodId = run('--name', good, engine.image, 'sleep', '3600');
    const badId = run('--name', bad, engine.image, 'sh', '-c', 'touch /x && exec sleep 3600');
    const { done, events, lines } = await apply(plan([hardenedStep(inspect(engine, good)), hardenedStep(inspect(engine, bad))]));

    expect(done.failure).toBeUndefined();
    expect(done.recreates?.map((o) => `${o.name} ${o.status}`)).toEqual([`${good} recreated`, `${bad} reverted`]);
    const setId = done.backupId!;
    expect(events.filter((e) => e.kind === 'recreate')).toHaveLength(2);
    expect(lines).toContain(`Backup set ${setId} (undo with: ${done.undo})`);
    expect(lines.find((l) => l.includes(good))).toMatch(
      new RegExp(
        `^recreated container ${good} hardened \\(${goodId.slice(0, 12)} -> [0-9a-f]{12}; closes 5.4, 5.13, 5.14, 5.26\\); the original is kept stopped for rollback$`,
      ),
    );
    expect(lines.find((l) => l.includes(bad))).toMatch(
      new RegExp(
        `^container ${bad}: recreate reverted: exited 1 after \\d+ s; last log lines: touch: /x: Read-only file system; the original is back, and 5.4, 5.13, 5.14, 5.26 stay open$`,
      ),
    );
    const recorded = (await readManifest(root, setId)).manifest.recreated ?? [];
    expect(recorded.map((e) => `${e.name} ${e.phase}`)).toEqual([`${good} recreated`, `${bad} reverted`]);
    expect(inspect(engine, bad).Id).toBe(badId);

    // `rollback` says which original came back; the reverted container needs nothing.
    const out: string[] = [];
    const code = await main(['--root', root, '--docker-host', engine.host, '--no-color', 'rollback', setId], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
    });
    expect([code, out.filter((l) => l.startsWith('container '))]).toEqual([
      0,
      [`container ${good}: original container ${goodId.slice(0, 12)} is back under its name, running again`],
    ]);
    expect(containersNamed(engine, `ra${tag}-`)).toEqual([`${bad} running`, `${good} running`]);
    expect(inspect(engine, good).Id).toBe(goodId);
  });

  it('finishes a recreate a killed run left half done before doing anything else', async () => {
    const name = `ra${tag}-half`;
    const oldId = run('--name', name, engine.image, 'sleep', '3600');
    // What a kill right after the rename leaves: the entry recorded, the original under its parked name.
    const setId = await newSet(root, `set-${tag}-half`, engine.host);
    await manifestRecorder(root, setId)({ name, oldId, wasRunning: true, restartPolicy: { Name: 'no' }, phase: 'recreating' });
    docker(engine, ['rename', name, parkedName(name, setId)]);

    const next = await apply(plan([]));
    expect(next.events).toEqual([{ kind: 'recovered', name, ok: true, text: `put the original back after an interrupted recreate (backup set ${setId})` }]);
    expect(next.lines).toEqual([`container ${name}: put the original back after an interrupted recreate (backup set ${setId})`]);
    expect(containersNamed(engine, name)).toEqual([`${name} running`]);
    expect(inspect(engine, name).Id).toBe(oldId);
  });
});
