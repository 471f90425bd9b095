// The playbook's `docker update` tasks on a real engine (the tests' private dockerd): --check
// names the containers it would change and changes none, a real run sets the plan's limits (read
// back with docker inspect), and a second run, finding them set, reports changed=0.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { describeEngine } from '../support/engine.js';
import { docker } from '../support/private-engine.js';
import { cli } from '../e2e/support/cli.js';
import { containerUpdates, type ContainerUpdate } from '../../src/ansible/container-limits.js';
import { ANSIBLE_PLAYBOOK, requireAnsibleInCi, runPlaybook, writeInventory } from './support.js';

requireAnsibleInCi();

/** Container rules only: the plan has no file, only updates. */
const CONTAINER_RULES = `name: containers-only\nselect:\n  sections: []\n  include: ["5.11", "5.12", "5.15", "5.29"]\n`;
const FIELDS = ['Memory', 'MemorySwap', 'CpuShares', 'PidsLimit', 'RestartPolicy'];

describeEngine('docker update from the playbook, on a real engine', (engine) => {
  if (!ANSIBLE_PLAYBOOK) return;
  const work = mkdtempSync('/tmp/dh-ansible-update-');
  const root = path.join(work, 'root');
  const suffix = path
    .basename(work)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
  const names = [`dh-ansible-bare-${suffix}`, `dh-ansible-some-${suffix}`];
  const limits = (name: string) => {
    const hostConfig = JSON.parse(docker(engine, ['inspect', name]))[0].HostConfig as Record<string, unknown>;
    return Object.fromEntries(FIELDS.map((f) => [f, hostConfig[f]]));
  };
  const inventory = path.join(work, 'hosts.yml');
  let wanted: ContainerUpdate[] = [];
  const play = (...args: string[]) => runPlaybook(work, inventory, path.join(work, 'playbook', 'docker-harden.yml'), ...args);

  beforeAll(async () => {
    docker(engine, ['run', '-d', '--name', names[0], '--network', 'none', engine.image, 'sleep', '100000']);
    docker(engine, ['run', '-d', '--name', names[1], '--network', 'none', '--cpu-shares', '512', engine.image, 'sleep', '100000']);
    mkdirSync(path.join(root, 'etc'), { recursive: true });
    writeFileSync(path.join(root, 'etc/hostname'), 'engine-host\n');
    writeFileSync(path.join(work, 'containers.yaml'), CONTAINER_RULES);
    const factsFile = path.join(work, 'facts.json');
    const saved = await cli('--root', root, '--docker-host', engine.host, 'inspect', '--save', factsFile);
    expect(saved.code, saved.stderr).toBe(0);
    // The private engine is shared: the facts keep only this test's containers, so nothing else is updated.
    const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as HostFacts;
    facts.engine!.containers = facts.engine!.containers.filter((c) => names.includes(c.Name.replace(/^\//, '')));
    expect(facts.engine!.containers).toHaveLength(2);
    writeFileSync(factsFile, JSON.stringify(facts));
    const plan = await cli('--root', root, '--from', factsFile, 'plan', '--profile', path.join(work, 'containers.yaml'), '--format', 'json');
    wanted = containerUpdates(JSON.parse(plan.stdout).steps);
    const made = await cli('ansible', '--profile', path.join(work, 'containers.yaml'), '--from', `engine-host=${factsFile}`, '-o', path.join(work, 'playbook'));
    expect(made.code, made.stderr).toBe(0);
    writeInventory(inventory, { 'engine-host': { docker_harden_root: root, docker_harden_docker: ['docker', '-H', engine.host] } });
  }, 300_000);
  afterAll(() => {
    for (const name of names) docker(engine, ['rm', '-f', name]);
    rmSync(work, { recursive: true, force: true });
  });

  it('--check names the updates and changes nothing; a run sets the limits; a second run changes nothing', () => {
    const before = names.map(limits);
    const check = play('--check', '--diff');
    expect(check.code, check.output).toBe(0);
    for (const name of names) expect(check.output).toMatch(new RegExp(`docker -H \\S+ update .*--memory=\\S+ .*${name}`));
    expect(names.map(limits)).toEqual(before);

    const first = play();
    expect(first.code, first.output).toBe(0);
    // One task, one item per container: Ansible counts the task once.
    expect(first.recap['engine-host'].changed).toBe(1);
    for (const name of names) expect(first.output).toContain(`changed: [engine-host] => (item=${name})`);
    // What each container shows now is what the plan's update steps set.
    expect(wanted.map((u) => u.container).sort()).toEqual([...names].sort());
    for (const u of wanted) expect(limits(u.container)).toMatchObject(u.expect);
    expect(limits(names[0]).Memory).toBeGreaterThan(0);

    const second = play();
    expect(second.code, second.output).toBe(0);
    expect(second.recap['engine-host']).toMatchObject({ changed: 0, failed: 0 });
  }, 600_000);
});
