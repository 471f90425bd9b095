// Live container changes, undone: `apply --profile strict` to a host-root copy with --docker-host
// naming a private dockerd (and no DOCKER_HOST in the environment) runs its `docker update` steps
// on that engine; `rollback` puts back the values recorded before them. Checked with docker
// inspect and the kernel's cgroup files, and with the emitted script's --rollback too.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { docker, startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import { BIN, ensureBuilt } from '../support/ensure-build.js';
import { makeInsecureRoot, SITE_PROFILE } from './support/insecure-root.js';

const FIELDS = ['Memory', 'MemorySwap', 'CpuShares', 'PidsLimit', 'RestartPolicy', 'NanoCpus', 'CpuQuota', 'MemoryReservation', 'BlkioWeight', 'CpusetCpus'];
/** Container rules only: the script then writes no file on this machine, it only updates containers. */
const CONTAINER_RULES = `name: containers-only\nselect:\n  sections: []\n  include: ["5.11", "5.12", "5.15", "5.29"]\n`;

/** The binary as an operator runs it: no DOCKER_HOST, so only -H can lead a docker command to the engine. */
function harden(...args: string[]) {
  const env = { ...process.env };
  delete env.DOCKER_HOST;
  return spawnSync(process.execPath, [BIN, '--no-color', ...args], { encoding: 'utf8', env, timeout: 120_000 });
}

describeEngine('rollback undoes live container changes, on the engine the plan was made for', () => {
  const work = mkdtempSync('/tmp/dh-e2e-undo-');
  const root = path.join(work, 'root');
  let engine: PrivateEngine | null = null;
  const inspect = (name: string) =>
    JSON.parse(docker(engine!, ['inspect', name]))[0] as { Id: string; State: { Pid: number }; HostConfig: Record<string, unknown> };
  const limits = (name: string) => Object.fromEntries(FIELDS.map((f) => [f, inspect(name).HostConfig[f]]));
  /** What the kernel enforces: cpu.shares and pids.max of the container's own cgroups. */
  const cgroup = (name: string) => {
    const lines = readFileSync(`/proc/${inspect(name).State.Pid}/cgroup`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(':'));
    const dir = (ctl: string) => `/sys/fs/cgroup/${ctl}${lines.find((l) => l[1].split(',').includes(ctl))![2]}`;
    return { shares: readFileSync(`${dir('cpu')}/cpu.shares`, 'utf8').trim(), pids: readFileSync(`${dir('pids')}/pids.max`, 'utf8').trim() };
  };

  beforeAll(async () => {
    await ensureBuilt();
    engine = await startPrivateEngine();
    makeInsecureRoot(root, '/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock');
    writeFileSync(path.join(work, 'site.yaml'), SITE_PROFILE);
    writeFileSync(path.join(work, 'containers.yaml'), CONTAINER_RULES);
    const run = (name: string, flags: string[]) =>
      docker(engine!, ['run', '-d', '--name', name, '--network', 'none', ...flags, engine!.image, 'sleep', '100000']);
    run('bare', ['--restart', 'always']);
    run('limited', ['--memory', '64m', '--memory-swap', '128m', '--cpu-shares', '256', '--pids-limit', '100', '--restart', 'unless-stopped']);
  }, 120_000);
  afterAll(async () => {
    if (engine) await stopPrivateEngine(engine);
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('apply --root with --docker-host updates the containers on that engine, with no DOCKER_HOST set', () => {
    const before = { bare: limits('bare'), limited: limits('limited'), bareCgroup: cgroup('bare') };
    const plan = JSON.parse(
      harden('--root', root, '--docker-host', engine!.host, 'plan', '--profile', path.join(work, 'site.yaml'), '--format', 'json').stdout,
    );
    const updates = plan.steps.filter((s: { command: string[] }) => s.command.includes('update'));
    expect(updates.map((s: { command: string[] }) => s.command.slice(0, 3))).toEqual([
      ['docker', '-H', engine!.host],
      ['docker', '-H', engine!.host],
    ]);

    const apply = harden('--root', root, '--docker-host', engine!.host, 'apply', '--profile', path.join(work, 'site.yaml'), '--yes');
    expect(apply.status, apply.stderr + apply.stdout).toBe(0);
    expect(apply.stdout).toMatch(/^step Update limits of container bare: done$/m);
    expect(apply.stdout).toMatch(/^step Update limits of container limited: done$/m);
    expect(apply.stdout).toMatch(/^note: rollback cannot undo this for container bare: --memory stays as the update set it/m);
    expect(apply.stdout).toMatch(/^step Restart dockerd: not run under --root/m);
    expect(limits('bare')).toMatchObject({
      Memory: 536870912,
      MemorySwap: 1073741824,
      CpuShares: 512,
      PidsLimit: 256,
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 },
    });
    expect(limits('limited')).toEqual({ ...before.limited, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 5 } });
    expect(cgroup('bare')).toEqual({ shares: '512', pids: '256' });

    const id = /^Backup set (\S+) /m.exec(apply.stdout)![1];
    const manifest = JSON.parse(readFileSync(path.join(root, 'var/backups/docker-harden', id, 'manifest.json'), 'utf8'));
    expect(manifest.endpoint).toBe(engine!.host);
    expect(manifest.containers.map((c: { name: string }) => c.name)).toEqual(['bare', 'limited']);

    const rollback = harden('--root', root, 'rollback', id);
    expect(rollback.status, rollback.stderr + rollback.stdout).toBe(0);
    expect(rollback.stdout).toMatch(/^container limited: restored --restart unless-stopped$/m);
    expect(rollback.stdout).toMatch(/^container bare: restored --memory-swap -1 --cpu-shares 1024 --restart always --pids-limit -1$/m);
    expect(rollback.stdout).toMatch(/^container bare: not restored: --memory stays as the update set it/m);
    expect(rollback.stdout).not.toMatch(/Update limits of container/);

    // The container that had limits is back exactly, by docker inspect.
    expect(limits('limited')).toEqual(before.limited);
    // The one without: restart policy exactly; cpu-shares and pids-limit in effect (the kernel
    // enforces what it did before), though inspect spells "unset" as 1024 and 0; memory stays, as reported.
    const bare = limits('bare');
    expect(bare.RestartPolicy).toEqual(before.bare.RestartPolicy);
    expect(cgroup('bare')).toEqual(before.bareCgroup);
    expect(before.bare).toMatchObject({ Memory: 0, MemorySwap: 0, CpuShares: 0, PidsLimit: null });
    expect(bare).toMatchObject({ Memory: 536870912, MemorySwap: -1, CpuShares: 1024, PidsLimit: 0 });
  }, 180_000);

  it('the script records each container before its update and --rollback restores it, by -H alone', () => {
    const limited = limits('limited');
    const script = path.join(work, 'containers.sh');
    const plan = JSON.parse(harden('--docker-host', engine!.host, 'plan', '--profile', path.join(work, 'containers.yaml'), '--format', 'json').stdout);
    expect(plan.files.filter((f: { kind: string }) => f.kind !== 'unchanged')).toEqual([]);
    expect(plan.permissions).toEqual([]);
    expect(plan.steps.map((s: { id: string }) => s.id)).toEqual(['docker-update:bare', 'docker-update:limited']);
    const made = harden('--docker-host', engine!.host, 'script', '--profile', path.join(work, 'containers.yaml'), '-o', script);
    expect(made.status, made.stderr).toBe(0);
    const text = readFileSync(script, 'utf8');
    expect(text).toContain(`record_container c1 limited docker -H ${engine!.host}`);
    expect(spawnSync('shellcheck', [script]).status).toBe(0);
    const backupDir = /^BACKUP_DIR="\$ROOT"(\S+)$/m.exec(text)![1].replace(/^'|'$/g, '');
    const env = { ...process.env };
    delete env.DOCKER_HOST;
    try {
      const apply = spawnSync('bash', [script], { encoding: 'utf8', env });
      expect(apply.status, apply.stderr + apply.stdout).toBe(0);
      expect(limits('limited').RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 5 });
      const rollback = spawnSync('bash', [script, '--rollback'], { encoding: 'utf8', env });
      expect(rollback.status, rollback.stderr + rollback.stdout).toBe(0);
      expect(rollback.stdout).toMatch(/^restored container [0-9a-f]{64}: --restart unless-stopped$/m);
      expect(limits('limited')).toEqual(limited);
      // The record is used up: a later run records what it then finds.
      expect(existsSync(path.join(backupDir, 'c1.container'))).toBe(false);
    } finally {
      rmSync(backupDir, { recursive: true, force: true });
    }
  }, 120_000);
});
