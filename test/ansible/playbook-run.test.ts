// The playbook run for real by ansible-playbook, on two hosts in one inventory: the golden fixtures
// docker-20-10 and debian-docker-io rebuilt as private roots, inspected there (--root, no engine),
// one playbook made from both facts files. --check --diff shows the diffs `plan` shows and writes
// nothing; a real run writes them and notifies each handler once; the real probes then find nothing
// left to change (`plan --check` exits 0); a second run reports changed=0. The handlers' commands
// are set by the inventory to append to a log, so no real daemon is restarted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HostFacts } from '../../src/facts/host-facts.js';
import { materializeRoot } from '../e2e/support/materialize.js';
import { hostFile } from '../e2e/support/hosts.js';
import { cli } from '../e2e/support/cli.js';
import { ANSIBLE_PLAYBOOK, planDiffLines, requireAnsibleInCi, runPlaybook, writeInventory, type PlaybookRun } from './support.js';

const isRoot = process.getuid?.() === 0;
requireAnsibleInCi();

/** A daemon.json whose value is a template to anything that templates: it must arrive as written. */
const HOSTILE = `{\n  "labels": ["owner={{ lookup('pipe','id') }}"]\n}\n`;
const HOSTS = { a: 'docker-20-10', b: 'debian-docker-io' } as const;

// Owners, groups and sockets of the rebuilt roots need root, as the golden round trip does.
describe.skipIf(!isRoot || !ANSIBLE_PLAYBOOK)('the plan as an Ansible playbook, run on two hosts', () => {
  const work = mkdtempSync('/tmp/dh-ansible-');
  const out = path.join(work, 'playbook');
  const inventory = path.join(work, 'hosts.yml');
  const handlerLog = path.join(work, 'handlers.log');
  const root = (name: keyof typeof HOSTS) => path.join(work, name);
  const noEngine = (name: keyof typeof HOSTS) => ['--root', root(name), '--docker-host', `unix://${root(name)}/run/none.sock`, '--no-engine', '--no-color'];
  const handlers = () => (existsSync(handlerLog) ? readFileSync(handlerLog, 'utf8').trim().split('\n').sort() : []);
  const play = (...args: string[]): PlaybookRun => runPlaybook(work, inventory, path.join(out, 'docker-harden.yml'), ...args);
  let check: PlaybookRun;

  beforeAll(async () => {
    for (const [name, fixture] of Object.entries(HOSTS) as [keyof typeof HOSTS, string][]) {
      materializeRoot(JSON.parse(readFileSync(hostFile(fixture), 'utf8')) as HostFacts, root(name));
      if (name === 'a') writeFileSync(path.join(root(name), 'etc/docker/daemon.json'), HOSTILE, { mode: 0o644 });
      const saved = await cli(...noEngine(name), 'inspect', '--save', path.join(work, `${name}.json`));
      expect(saved.code, saved.stderr).toBe(0);
    }
    const made = await cli('ansible', '--profile', 'strict', '--from', `a=${work}/a.json`, '--from', `b=${work}/b.json`, '-o', out);
    expect(made.code, made.stderr).toBe(0);
    // Each handler appends its name and the host to one log: what ran, and how often.
    const logged = (what: string, host: string) => ['sh', '-c', `echo "${what} ${host}" >> ${handlerLog}`];
    const hostVars = (name: keyof typeof HOSTS) => ({
      docker_harden_root: root(name),
      docker_harden_daemon_reload_cmd: logged('daemon-reload', name),
      docker_harden_audit_load_cmd: logged('audit-load', name),
      docker_harden_reload_cmd: logged('reload', name),
      docker_harden_restart_cmd: logged('restart', name),
    });
    writeInventory(inventory, { a: hostVars('a'), b: hostVars('b') });
    check = play('--check', '--diff');
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is one playbook with host_vars per host, made from each host’s own facts', () => {
    expect(readdirSync(path.join(out, 'host_vars')).sort()).toEqual(['a.yml', 'b.yml']);
    const [a, b] = ['a', 'b'].map((h) => readFileSync(path.join(out, 'host_vars', `${h}.yml`), 'utf8'));
    expect(a).not.toBe(b);
    expect(b).toContain('/etc/systemd/system/docker.socket.d/50-docker-harden.conf');
    expect(a).not.toContain('docker.socket.d');
  });

  it('--check --diff lists the changes with the diffs `plan` shows, and writes nothing', async () => {
    expect(check.code, check.output).toBe(0);
    expect(check.recap.a.changed).toBeGreaterThan(0);
    expect(check.recap.b.changed).toBeGreaterThan(0);
    const shown = new Set(check.output.split('\n'));
    for (const name of ['a', 'b'] as const) {
      const plan = await cli(...noEngine(name), 'plan', '--profile', 'strict');
      const lines = planDiffLines(plan.stdout);
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.filter((l) => !shown.has(l))).toEqual([]);
    }
    expect(readFileSync(path.join(root('a'), 'etc/docker/daemon.json'), 'utf8')).toBe(HOSTILE);
    expect(existsSync(path.join(root('b'), 'etc/systemd/system/docker.socket.d'))).toBe(false);
    expect(handlers()).toEqual([]);
  });

  it('a real run changes each host until `plan --check` finds nothing, then a second run changes nothing', async () => {
    const first = play();
    expect(first.code, first.output).toBe(0);
    expect(first.recap.a.changed).toBeGreaterThan(0);
    expect(first.recap.b.changed).toBeGreaterThan(0);
    // Each notified handler ran once per host; b alone has drop-ins, so only b reloads systemd.
    expect(handlers()).toEqual(['audit-load a', 'audit-load b', 'daemon-reload b', 'restart a', 'restart b']);
    for (const name of ['a', 'b'] as const) {
      const after = await cli(...noEngine(name), 'plan', '--profile', 'strict', '--check');
      expect(after.stdout).toMatch(/Nothing to change: this host already matches the profile\./);
      expect(after.code, after.stdout).toBe(0);
    }
    // Not templated on the way: the value is the text it was, not the output of `id`.
    const daemonJson = readFileSync(path.join(root('a'), 'etc/docker/daemon.json'), 'utf8');
    expect(daemonJson).toContain(`"owner={{ lookup('pipe','id') }}"`);
    expect(daemonJson).not.toMatch(/uid=0/);
    // copy's backup keeps the file it replaced beside it.
    const backups = readdirSync(path.join(root('a'), 'etc/docker')).filter((f) => /^daemon\.json\..+~$/.test(f));
    expect(backups.map((f) => readFileSync(path.join(root('a'), 'etc/docker', f), 'utf8'))).toEqual([HOSTILE]);

    const second = play();
    expect(second.code, second.output).toBe(0);
    expect(second.recap).toMatchObject({ a: { changed: 0, failed: 0 }, b: { changed: 0, failed: 0 } });
    expect(handlers()).toHaveLength(5);
  }, 600_000);

  it('stops a host whose file changed since its facts were taken, and leaves it as it is', () => {
    const file = path.join(root('a'), 'etc/profile.d/docker-content-trust.sh');
    writeFileSync(file, 'export DOCKER_CONTENT_TRUST=0\n');
    const run = play('--limit', 'a');
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('/etc/profile.d/docker-content-trust.sh changed since the facts were taken');
    expect(readFileSync(file, 'utf8')).toBe('export DOCKER_CONTENT_TRUST=0\n');
  }, 600_000);
});
