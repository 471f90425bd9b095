import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, existsSync, writeFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { rollbackBackupSet } from '../../src/apply/rollback.js';
import { listBackupSets } from '../../src/apply/backup-set.js';
import { sha256 } from '../../src/core/sha256.js';
import { UserError } from '../../src/core/errors.js';
import { makeRoot, samplePlan, DAEMON_AFTER, DAEMON_BEFORE, DROPIN_AFTER } from '../support/sample-plan.js';

const modeOf = (p: string) => statSync(p).mode & 0o7777;

describe('apply and rollback', () => {
  it('writes every file with its mode, records a backup set, and a second apply writes nothing', async () => {
    const root = makeRoot();
    const result = await applyPlan(samplePlan(), { root });
    expect(result.written).toEqual(['/etc/docker/daemon.json', '/etc/systemd/system/docker.socket.d/50-docker-harden.conf']);
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_AFTER);
    expect(modeOf(path.join(root, 'etc/docker/daemon.json'))).toBe(0o644);
    expect(readFileSync(path.join(root, 'etc/systemd/system/docker.socket.d/50-docker-harden.conf'), 'utf8')).toBe(DROPIN_AFTER);
    expect(modeOf(path.join(root, 'etc/default-docker'))).toBe(0o644);
    const sets = await listBackupSets(root);
    expect(sets).toHaveLength(1);
    expect(sets[0].state).toBe('applied');
    expect(sets[0].files[0]).toMatchObject({
      path: '/etc/docker/daemon.json',
      existed: true,
      mode: 0o666,
      sha256Before: sha256(DAEMON_BEFORE),
      sha256After: sha256(DAEMON_AFTER),
    });

    const again = await applyPlan(samplePlan(), { root });
    expect(again.backupId).toBeNull();
    expect(again.written).toEqual([]);
    expect(again.alreadyApplied).toHaveLength(2);
    expect(await listBackupSets(root)).toHaveLength(1);
  });

  it('rollback restores byte-identical files with their old mode and removes created files and directories', async () => {
    const root = makeRoot();
    const before = readFileSync(path.join(root, 'etc/docker/daemon.json'));
    const { backupId } = await applyPlan(samplePlan(), { root });
    const rb = await rollbackBackupSet(root);
    expect(rb.id).toBe(backupId);
    expect(rb.restored).toEqual(['/etc/docker/daemon.json']);
    expect(rb.removed).toEqual(['/etc/systemd/system/docker.socket.d/50-docker-harden.conf']);
    const after = readFileSync(path.join(root, 'etc/docker/daemon.json'));
    expect(sha256(after)).toBe(sha256(before));
    expect(modeOf(path.join(root, 'etc/docker/daemon.json'))).toBe(0o666);
    expect(modeOf(path.join(root, 'etc/default-docker'))).toBe(0o664);
    expect(existsSync(path.join(root, 'etc/systemd/system/docker.socket.d'))).toBe(false);
    await expect(rollbackBackupSet(root)).rejects.toThrow(/no backup set to roll back/);
  });

  it('refuses a file that changed since the plan and writes nothing at all', async () => {
    const root = makeRoot();
    writeFileSync(path.join(root, 'etc/docker/daemon.json'), '{"edited": "by hand"}\n');
    await expect(applyPlan(samplePlan(), { root })).rejects.toThrow(/changed since the plan was made/);
    expect(existsSync(path.join(root, 'etc/systemd/system/docker.socket.d'))).toBe(false);
    expect(existsSync(path.join(root, 'var/backups'))).toBe(false);
    expect(modeOf(path.join(root, 'etc/default-docker'))).toBe(0o664);
  });

  it('never writes outside the root, even through a symlinked directory', async () => {
    const root = makeRoot();
    const outside = makeRoot('dh-outside-');
    symlinkSync(path.join(outside, 'etc'), path.join(root, 'etc/evil'));
    const plan = samplePlan();
    plan.files = [{ ...plan.files[1], path: '/etc/evil/docker/x.conf' }];
    plan.permissions = [];
    await expect(applyPlan(plan, { root })).rejects.toBeInstanceOf(UserError);
    plan.files = [{ ...plan.files[0], path: '/etc/../../tmp/x.conf' }];
    await expect(applyPlan(plan, { root })).rejects.toThrow(/not a plain absolute path/);
    expect(readdirSync(path.join(outside, 'etc/docker'))).toEqual(['daemon.json']);
  });
});

describe('isDaemonRestart', () => {
  it('recognises systemctl restart/reload of docker units and the SIGHUP step, nothing else', async () => {
    const { isDaemonRestart } = await import('../../src/apply/run-steps.js');
    const step = (id: string, command: string[]) => ({ id, description: id, command, when: 'after-files' as const, reason: '' });
    expect(isDaemonRestart(step('restart', ['systemctl', 'restart', 'docker.socket', 'docker.service']))).toBe(true);
    expect(isDaemonRestart(step('reload', ['systemctl', 'reload', 'docker']))).toBe(true);
    expect(isDaemonRestart(step('dockerd-reload', ['kill', '-s', 'HUP', '1234']))).toBe(true);
    expect(isDaemonRestart(step('daemon-reload', ['systemctl', 'daemon-reload']))).toBe(false);
    expect(isDaemonRestart(step('audit', ['augenrules', '--load']))).toBe(false);
  });
});
