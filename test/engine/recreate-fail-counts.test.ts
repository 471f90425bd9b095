// The figure issue 15 asks for: how many section-5 findings still fail for plain `docker run`
// containers after `apply --profile strict`, without and with `--recreate`. Each run plans from
// fresh facts and applies under its own empty root (the daemon's files land there; only the engine
// is shared), to its own identical set of three containers: a rollback cannot take a memory limit
// off a container again, so the second run would not start from the same host as the first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { updatedContainer } from '../../src/plan/container-advice.js';
import { main } from '../../src/cli/main.js';
import type { Plan } from '../../src/plan-model/plan.js';
import type { Rule } from '../../src/rules/rule.js';

const COUNTS_FILE = '/work/notes/recreate-counts.txt';

/** The status of GET /hostname on loopback, retried while the server comes up. */
async function answers(port: number): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      return (await fetch(`http://127.0.0.1:${port}/hostname`)).status;
    } catch (err) {
      if (i >= 20) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describeEngine('section-5 fails left after a strict apply, without and with recreate', (engine: PrivateEngine) => {
  const tag = randomBytes(3).toString('hex');
  const roots: string[] = [];
  const hostDir = mkdtempSync('/tmp/dh-recreate-counts-data-');
  const net = `dh-rc-${tag}`;
  /** One operator's host: the same three containers, under names of their own. */
  const host = (set: string) => {
    const prefix = `rc${tag}${set}-`;
    return { prefix, web: `${prefix}web`, names: [`${prefix}web`, `${prefix}sleep`, `${prefix}bind`], port: randomInt(40000, 50000) };
  };
  const without = host('a');
  const withIt = host('b');
  let rules: Rule[];

  const freshRoot = () => {
    const root = mkdtempSync('/tmp/dh-recreate-counts-root-');
    roots.push(root);
    return root;
  };
  /** Failing section-5 items per container, e.g. { "rc…-web": ["5.4", "5.13"] }. */
  const failing = async (names: string[]) => {
    const { findings } = runAudit(await inspectHost({ root: freshRoot(), dockerHost: engine.host }), rules);
    const out: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (const f of findings) {
      const name = f.subject?.container;
      if (name && name in out && f.id.startsWith('5.') && f.status === 'fail') out[name].push(f.id);
    }
    return out;
  };
  const total = (fails: Record<string, string[]>) => Object.values(fails).reduce((n, ids) => n + ids.length, 0);
  /** The same items per container, whatever the set's names: "web 5.4 5.13 | sleep … | bind …". */
  const shape = (prefix: string, fails: Record<string, string[]>) =>
    Object.entries(fails)
      .map(([n, ids]) => `${n.slice(prefix.length)} ${ids.join(' ') || '-'}`)
      .join(' | ');
  /** Plan strict from fresh facts and carry it out on the engine, only for the named containers. */
  const applyStrict = async (names: string[], recreate: boolean) => {
    const root = freshRoot();
    const facts = await inspectHost({ root, dockerHost: engine.host });
    const profile = await loadProfile('strict');
    const params = { ...profile.params, recreate: recreate ? ('standalone' as const) : ('off' as const), recreateGateSeconds: 2 };
    const plan = buildPlan({ facts, rules, params, profileName: 'strict', ...(recreate ? { recreate: { names } } : {}) });
    // The engine holds the other set (and maybe other suites' containers): their updates are not this run's.
    const mine: Plan = { ...plan, steps: plan.steps.filter((s) => updatedContainer(s) === null || names.includes(updatedContainer(s)!)) };
    const done = await executePlan(mine, facts, { root, noRestart: true }, () => {});
    expect(done.failure).toBeUndefined();
    return { root, done };
  };

  beforeAll(async () => {
    rules = selectRules(await loadProfile('strict'), allRules);
    docker(engine, ['network', 'create', net]);
    const run = (...args: string[]) => docker(engine, ['run', '-d', '--network', net, '--stop-timeout', '1', ...args]);
    // As an operator starts them: every capability and a writable root, a port on every interface,
    // plain defaults, and a host directory bind-mounted read-write. SYS_RESOURCE is the one
    // capability this machine's own container cannot hand on, so runc refuses a bare ALL here.
    for (const h of [without, withIt]) {
      run('--name', h.web, '-p', `${h.port}:8080`, '--cap-add', 'ALL', '--cap-drop', 'SYS_RESOURCE', engine.image, 'httpd', '-f', '-p', '8080', '-h', '/etc');
      run('--name', h.names[1], engine.image, 'sleep', '3600');
      run('--name', h.names[2], '-v', `${hostDir}:/data`, engine.image, 'sleep', '3600');
    }
  });
  afterAll(() => {
    const ours = docker(engine, ['ps', '-aq', '--filter', `name=rc${tag}`])
      .split('\n')
      .filter(Boolean);
    if (ours.length) docker(engine, ['rm', '-f', ...ours]);
    // Networks a recreate made for a container (`<name>-net`) are left by rollback on purpose.
    const made = docker(engine, ['network', 'ls', '-q', '--filter', `name=rc${tag}`])
      .split('\n')
      .filter(Boolean);
    docker(engine, ['network', 'rm', net, ...made]);
    for (const dir of [...roots, hostDir]) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('leaves fewer fails with recreate, and 5.4, 5.13, 5.14, 5.26 pass for the httpd', async () => {
    const before = await failing(without.names);
    expect(before[without.web]).toEqual(expect.arrayContaining(['5.4', '5.13', '5.14', '5.26']));
    // Both sets start as the same host.
    expect(shape(withIt.prefix, await failing(withIt.names))).toBe(shape(without.prefix, before));

    // (a) strict without recreate: `docker update` closes what it can change in place.
    const a = await applyStrict(without.names, false);
    expect(a.done.recreates ?? []).toEqual([]);
    const withoutRecreate = await failing(without.names);

    // (b) the same apply with recreate on for the other set's containers.
    const b = await applyStrict(withIt.names, true);
    expect(b.done.recreates?.map((o) => `${o.name} ${o.status}`).sort()).toEqual(withIt.names.map((n) => `${n} recreated`).sort());
    const withRecreate = await failing(withIt.names);

    const line = `section-5 fails for 3 containers: without recreate ${total(withoutRecreate)}, with recreate ${total(withRecreate)}`;
    console.log(line);
    writeFileSync(
      COUNTS_FILE,
      [
        line,
        `before any apply (${total(before)}): ${shape(without.prefix, before)}`,
        `after strict without recreate: ${shape(without.prefix, withoutRecreate)}`,
        `after strict with recreate: ${shape(withIt.prefix, withRecreate)}`,
        '',
      ].join('\n'),
    );

    expect(total(withRecreate)).toBeLessThan(total(withoutRecreate));
    expect(withRecreate[withIt.web].filter((id) => ['5.4', '5.13', '5.14', '5.26'].includes(id))).toEqual([]);
    // The hardened httpd still answers, on loopback where 5.14 put it.
    expect(await answers(withIt.port)).toBe(200);

    // Both runs undo: the recreated originals are back under their names, running.
    for (const { root, done } of [a, b]) {
      const out: string[] = [];
      const code = await main(['--root', root, '--docker-host', engine.host, '--no-color', 'rollback', done.backupId!], {
        out: (t) => out.push(t),
        err: (t) => out.push(t),
      });
      expect([code, out.filter((l) => /could not|failed/.test(l))]).toEqual([0, []]);
    }
    expect(
      docker(engine, ['ps', '--filter', `name=rc${tag}`, '--format', '{{.Names}}'])
        .split('\n')
        .sort(),
    ).toEqual([...without.names, ...withIt.names].sort());
  }, 240_000);
});
