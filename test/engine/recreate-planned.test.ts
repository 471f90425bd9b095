// From facts to a hardened container, with the plan's own create request: an httpd published on
// every interface, with every capability and a writable root, is planned with the strict profile
// and `--recreate`, applied, and then audited: its 5.x items pass and it still answers HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngine } from '../support/engine.js';
import { docker, type PrivateEngine } from '../support/private-engine.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import { loadProfile, selectRules } from '../../src/profiles/index.js';
import { allRules } from '../../src/rules/catalog.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { executePlan } from '../../src/services/execute-plan.js';
import { rollbackBackupSet } from '../../src/apply/rollback.js';
import type { Rule } from '../../src/rules/rule.js';
import { containersNamed, inspect } from './recreate-fixture.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function get(port: number, path: string): Promise<string> {
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

describeEngine('a planned recreate, applied and audited', (engine: PrivateEngine) => {
  const tag = randomBytes(3).toString('hex');
  const root = mkdtempSync('/tmp/dh-recreate-planned-');
  const net = `dh-rp-${tag}`;
  const name = `rp${tag}-web`;
  const port = randomInt(40000, 50000);
  let rules: Rule[];

  beforeAll(async () => {
    docker(engine, ['network', 'create', net]);
    rules = selectRules(await loadProfile('strict'), allRules);
  });
  afterAll(() => {
    const ours = docker(engine, ['ps', '-aq', '--filter', `name=rp${tag}`])
      .split('\n')
      .filter(Boolean);
    if (ours.length) docker(engine, ['rm', '-f', ...ours]);
    docker(engine, ['network', 'rm', net]);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  const audit = async (id: string) => {
    const findings = runAudit(await inspectHost({ root: '/', dockerHost: engine.host }), rules).findings;
    return (ids: string[]) => ids.map((rule) => `${rule} ${findings.find((f) => f.id === rule && f.subject?.container === id)?.status}`);
  };

  it('passes 5.4, 5.13, 5.14, 5.26 and 5.30 after apply, answers HTTP, and rollback brings the original back', async () => {
    const oldId = docker(engine, [
      ...['run', '-d', '--name', name, '--network', net, '--stop-timeout', '1', '-p', `${port}:8080`],
      ...['--cap-add', 'ALL', '--cap-drop', 'SYS_RESOURCE', engine.image, 'httpd', '-f', '-p', '8080', '-h', '/etc'],
    ]);
    expect(await get(port, '/hostname')).toBe(`200 ${oldId.slice(0, 12)}`);
    const items = ['5.4', '5.13', '5.14', '5.26', '5.30'];
    expect((await audit(name))(items)).toEqual(['5.4 fail', '5.13 fail', '5.14 fail', '5.26 fail', '5.30 pass']);

    const facts = await inspectHost({ root: '/', dockerHost: engine.host });
    const params = { ...(await loadProfile('strict')).params, recreate: 'standalone' as const, recreateGateSeconds: 3 };
    const plan = buildPlan({ facts, rules, params, profileName: 'strict', recreate: { names: [name] } });
    const step = plan.recreates?.find((s) => s.container.name === name);
    expect(step?.closes).toEqual(expect.arrayContaining(['5.4', '5.13', '5.14', '5.26']));

    // Only the recreate: the plan's files belong to the host, not to this test's root.
    const done = await executePlan({ ...plan, files: [], permissions: [], steps: [], recreates: [step!] }, facts, { root, noRestart: true }, () => {});
    expect(done.recreates?.map((o) => o.status)).toEqual(['recreated']);
    const now = inspect(engine, name);
    expect(await get(port, '/hostname')).toBe(`200 ${now.Config.Hostname}`);
    expect((await audit(name))(items)).toEqual(['5.4 pass', '5.13 pass', '5.14 pass', '5.26 pass', '5.30 pass']);

    await rollbackBackupSet(root, done.backupId!);
    expect(containersNamed(engine, name)).toEqual([`${name} running`]);
    expect(inspect(engine, name).Id).toBe(oldId);
    expect(await get(port, '/hostname')).toBe(`200 ${oldId.slice(0, 12)}`);
  });
});
