// The playbook directory as data, from the golden host fixtures: one playbook whatever the hosts,
// host_vars that differ where the plans differ, contents that are the plan's `after` byte for byte
// when Ansible's own YAML reader (PyYAML, YAML 1.1) reads them back, and names that cannot escape.
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { playbookFiles, type AnsibleHostInput } from '../../src/ansible/playbook-files.js';
import { hostPlan } from '../../src/ansible/host-vars.js';
import { bytes, containerUpdates } from '../../src/ansible/container-limits.js';
import { shlexWord, validateCommand } from '../../src/ansible/validate-command.js';
import { assertUniqueNames, inventoryName, splitFromArgument } from '../../src/ansible/inventory-name.js';
import { makePlan } from '../../src/services/plan-source.js';
import { UserError } from '../../src/core/errors.js';
import { hostFile } from '../e2e/support/hosts.js';

async function host(name: string, fixture: string, edit?: (f: HostFacts) => void): Promise<AnsibleHostInput> {
  const facts = JSON.parse(readFileSync(hostFile(fixture), 'utf8')) as HostFacts;
  edit?.(facts);
  const { plan } = await makePlan({ from: hostFile(fixture), root: '/', rootGiven: true, dockerHost: 'unix:///nonexistent.sock', profile: 'strict' }, facts);
  return { name, plan, facts };
}

const file = (files: { path: string; content: string }[], p: string) => files.find((f) => f.path === p)!.content;

/** What Ansible reads: PyYAML's safe loader, with Ansible's !unsafe tag taken as a plain string. */
function readAsAnsible(text: string): any {
  const py = `import sys, json, yaml
yaml.SafeLoader.add_constructor('!unsafe', lambda l, n: l.construct_scalar(n))
print(json.dumps(yaml.safe_load(sys.stdin.read())))`;
  const run = spawnSync('python3', ['-c', py], { input: text, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('the playbook directory', () => {
  it('has one playbook whatever the hosts, and host_vars that differ where their plans differ', async () => {
    const a = await host('a', 'docker-20-10');
    const b = await host('b', 'debian-docker-io');
    const both = playbookFiles([a, b]);
    expect(both.map((f) => f.path)).toEqual(['docker-harden.yml', 'host_vars/a.yml', 'host_vars/b.yml', 'inventory.yml', 'README.md']);
    expect(file(playbookFiles([a]), 'docker-harden.yml')).toBe(file(both, 'docker-harden.yml'));
    const varsA = readAsAnsible(file(both, 'host_vars/a.yml')).docker_harden_plan;
    const varsB = readAsAnsible(file(both, 'host_vars/b.yml')).docker_harden_plan;
    expect(varsA.files.map((f: any) => f.path)).toEqual([
      '/etc/audit/rules.d/docker.rules',
      '/etc/docker/daemon.json',
      '/etc/profile.d/docker-content-trust.sh',
    ]);
    expect(varsB.files.map((f: any) => f.path)).toContain('/etc/systemd/system/docker.socket.d/50-docker-harden.conf');
    // b's socket drop-in means systemd reloads and restarts docker.socket with docker.service.
    expect(varsB.handlers.restart).toEqual(['systemctl', 'restart', 'docker.socket', 'docker.service']);
    expect(varsB.handlers.daemon_reload).toEqual(['systemctl', 'daemon-reload']);
    expect(varsA.handlers.daemon_reload).toEqual([]);
    expect(varsB.updates.map((u: any) => u.container)).toEqual(['debug-shell', 'web']);
    expect(varsB.permissions).toContainEqual({ path: '/lib/systemd/system/docker.socket', mode: '0644', group: 'root' });
    expect(readAsAnsible(file(both, 'inventory.yml'))).toEqual({ all: { children: { docker_harden: { hosts: { a: {}, b: {} } } } } });
    expect(file(both, 'README.md')).toMatch(/\| Restart dockerd \| `docker_harden_restart_cmd` \|/);
  });

  it("writes every content as the plan's `after`, with nothing Ansible would template or retype", async () => {
    const hostile = `{\n  "labels": ["owner={{ lookup('pipe','id') }}", "no", "on", "0644"],\n  "debug": false\n}\n`;
    const h = await host('h', 'docker-20-10', (f) => {
      f.daemonJson = { ...f.daemonJson, raw: hostile, parsed: JSON.parse(hostile) };
    });
    const text = file(playbookFiles([h]), 'host_vars/h.yml');
    const vars = readAsAnsible(text).docker_harden_plan;
    for (const f of h.plan.files.filter((x) => x.kind !== 'unchanged')) {
      expect(vars.files.find((v: any) => v.path === f.path).content).toBe(f.after);
    }
    expect(vars.files.find((v: any) => v.path === '/etc/docker/daemon.json').content).toContain(`"owner={{ lookup('pipe','id') }}"`);
    // Every string value is !unsafe: one without the tag would be a template to Ansible.
    const untagged: string[] = [];
    visit(parseDocument(text), {
      Pair: (_, pair) => {
        if (isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.tag !== '!unsafe') untagged.push(String(pair.value.value));
      },
      Seq: (_, seq) => {
        for (const item of seq.items) if (isScalar(item) && typeof item.value === 'string' && item.tag !== '!unsafe') untagged.push(String(item.value));
      },
    });
    expect(untagged).toEqual([]);
    expect(text).toMatch(/content: !unsafe \|/);
  });

  it('validates daemon.json with dockerd --validate only where the engine has it (23.0 and later)', async () => {
    const new28 = await host('new', 'debian-docker-28-systemd');
    const old = await host('old', 'docker-20-10');
    const daemonJson = (h: AnsibleHostInput) => hostPlan(h.plan, h.facts).files.find((f) => f.path === '/etc/docker/daemon.json');
    expect(daemonJson(new28)?.validate).toBe('/usr/bin/dockerd --validate --config-file %s -H fd:// --containerd=/run/containerd/containerd.sock');
    expect(daemonJson(old)?.validate).toBeUndefined();
    expect(validateCommand({ ...old.facts, engine: undefined } as unknown as HostFacts)).toBeNull();
    // shlex reads single quotes literally; Python's % needs its own sign doubled.
    expect(shlexWord("--label=a b'c")).toBe(`'--label=a b'"'"'c'`);
  });

  it('knows the HostConfig each docker update leaves, so it runs only where a limit differs', () => {
    const step = {
      id: 'docker-update:web',
      description: '',
      when: 'after-files' as const,
      reason: '',
      command: [
        'docker',
        '-H',
        'unix:///x.sock',
        'update',
        '--memory=512m',
        '--memory-swap=1024m',
        '--cpu-shares=512',
        '--pids-limit=256',
        '--restart=on-failure:5',
        'web',
      ],
    };
    expect(containerUpdates([step])).toEqual([
      {
        container: 'web',
        args: ['update', '--memory=512m', '--memory-swap=1024m', '--cpu-shares=512', '--pids-limit=256', '--restart=on-failure:5', 'web'],
        expect: { Memory: 536870912, MemorySwap: 1073741824, CpuShares: 512, PidsLimit: 256, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 } },
      },
    ]);
    expect(bytes('1g', 'memory')).toBe(1073741824);
    expect(() => containerUpdates([{ ...step, command: ['docker', 'update', '--cpus=2', 'web'] }])).toThrow(UserError);
  });

  it('takes the inventory name from NAME=FILE or the facts, and refuses one that could leave host_vars/', () => {
    expect(splitFromArgument('web1=facts/web1.json')).toEqual({ name: 'web1', file: 'facts/web1.json' });
    expect(splitFromArgument('./a=b.json')).toEqual({ file: './a=b.json' });
    expect(splitFromArgument('facts.json')).toEqual({ file: 'facts.json' });
    expect(inventoryName(undefined, 'deb12', 'f.json')).toBe('deb12');
    expect(() => inventoryName(undefined, '../../etc/cron.d/x', 'f.json')).toThrow(/cannot be an inventory name[\s\S]*/);
    expect(() => inventoryName(undefined, 'a..b', 'f.json')).toThrow(UserError);
    expect(() =>
      assertUniqueNames([
        { name: 'x', file: 'a.json' },
        { name: 'x', file: 'b.json' },
      ]),
    ).toThrow(/a.json and b.json are both about host x/);
  });

  it.each([
    ['openrc', ['rc-service', 'docker', 'restart']],
    ['sysvinit', ['service', 'docker', 'restart']],
    ['manual', []],
  ] as const)('restarts dockerd the way the host runs it: %s', async (kind, restart) => {
    const h = await host('h', 'docker-20-10', (f) => {
      f.dockerd!.manager = { kind, name: 'docker' };
    });
    const plan = hostPlan(h.plan, h.facts);
    expect(plan.handlers.restart).toEqual(restart);
    // No systemd here: nothing reloads unit files; a daemon started by hand is a note for a person.
    expect(plan.handlers.daemon_reload).toEqual([]);
    if (kind === 'manual') expect(plan.manual.join('\n')).toMatch(/was started by hand/);
  });

  it('refuses a plan step it has no handler for, instead of leaving it out', async () => {
    const h = await host('h', 'docker-20-10');
    const plan = {
      ...h.plan,
      steps: [...h.plan.steps, { id: 'tls-ca', description: 'Make a CA', command: ['openssl'], when: 'after-files' as const, reason: '' }],
    };
    expect(() => hostPlan(plan, h.facts)).toThrow(/cannot carry out: Make a CA/);
  });
});
