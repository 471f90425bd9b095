// apply and rollback never act outside the root: each hostile symlink points into ANOTHER scratch
// directory, and every test compares lstat, owner and bytes of what lies there before and after.
import { describe, expect, it } from 'vitest';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { applyPlan } from '../../src/apply/apply-plan.js';
import { rollbackBackupSet } from '../../src/apply/rollback.js';
import { BACKUP_BASE, listBackupSets, readManifest } from '../../src/apply/backup-set.js';
import { UserError } from '../../src/core/errors.js';
import { writeFileAtomic } from '../../src/core/atomic-write.js';
import { makeRoot, samplePlan, DAEMON_BEFORE } from '../support/sample-plan.js';
import { cli } from '../e2e/support/cli.js';

const isRoot = process.getuid?.() === 0;

/** Everything about a path that a chmod, chown, write or removal would change. */
function snapshot(p: string): unknown {
  const st = lstatSync(p, { throwIfNoEntry: false });
  if (!st) return null;
  const base = { mode: st.mode, uid: st.uid, gid: st.gid, ino: st.ino, size: st.size, mtime: st.mtimeMs, ctime: st.ctimeMs };
  if (st.isDirectory())
    return {
      ...base,
      entries: readdirSync(p)
        .sort()
        .map((n) => [n, snapshot(path.join(p, n))]),
    };
  if (st.isFile()) return { ...base, bytes: readFileSync(p, 'hex') };
  return base;
}

/** A scratch directory outside the root with one 0666 file in it (owned by nobody when we can). */
function outsideDir(): { dir: string; file: string } {
  const dir = mkdtempSync('/tmp/dh-outside-');
  const file = path.join(dir, 'victim');
  writeFileSync(file, 'outside bytes\n');
  chmodSync(file, 0o666);
  if (isRoot) chownSync(file, 65534, 65534);
  return { dir, file };
}

const permissionOnly = (p: string) => ({ ...samplePlan(), files: [], permissions: [{ path: p, mode: 0o644, owner: 'root', group: 'root', closes: ['3.22'] }] });

describe('apply never follows a symlink out of the root', () => {
  it('refuses to chmod or chown a permission target that is a symlink to an outside file', async () => {
    const root = makeRoot();
    const out = outsideDir();
    mkdirSync(path.join(root, 'etc/default'));
    symlinkSync(out.file, path.join(root, 'etc/default/docker'));
    const before = snapshot(out.dir);
    const err = await applyPlan(permissionOnly('/etc/default/docker'), { root }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/^Refusing to change the owner or mode of \/etc\/default\/docker: it is a symbolic link .*never followed/);
    expect(snapshot(out.dir)).toEqual(before);
    expect(existsSync(path.join(root, 'var/backups'))).toBe(false);
  });

  it('refuses a link to a file inside the root too (the /etc/shadow case): the link is reported, not followed', async () => {
    // Only scratch files: the "shadow" file lives in the root, reached by a relative and an absolute link.
    const root = makeRoot();
    const shadow = path.join(root, 'etc/shadow');
    writeFileSync(shadow, 'root:*:1::::::\n');
    chmodSync(shadow, 0o640);
    if (isRoot) chownSync(shadow, 0, 65534);
    mkdirSync(path.join(root, 'etc/default'));
    symlinkSync('../shadow', path.join(root, 'etc/default/docker'));
    symlinkSync(shadow, path.join(root, 'etc/default/docker2'));
    const before = snapshot(shadow);
    await expect(applyPlan(permissionOnly('/etc/default/docker'), { root })).rejects.toThrow(/symbolic link/);
    await expect(applyPlan(permissionOnly('/etc/default/docker2'), { root })).rejects.toThrow(/symbolic link/);
    expect(snapshot(shadow)).toEqual(before);
  });

  it('refuses to write through a symlinked target file and leaves the link and its target alone', async () => {
    const root = makeRoot();
    const out = outsideDir();
    const daemon = path.join(root, 'etc/docker/daemon.json');
    writeFileSync(out.file, DAEMON_BEFORE);
    rmSync(daemon);
    symlinkSync(out.file, daemon);
    const before = snapshot(out.dir);
    await expect(applyPlan(samplePlan(), { root })).rejects.toThrow(/Refusing to write \/etc\/docker\/daemon\.json: it is a symbolic link/);
    expect(snapshot(out.dir)).toEqual(before);
    expect(lstatSync(daemon).isSymbolicLink()).toBe(true);
    expect(existsSync(path.join(root, 'var/backups'))).toBe(false);
  });

  it('refuses a FIFO as a target without opening it for reading (no hang)', async () => {
    const root = makeRoot();
    const daemon = path.join(root, 'etc/docker/daemon.json');
    rmSync(daemon);
    expect(spawnSync('mkfifo', [daemon]).status).toBe(0);
    await expect(applyPlan(samplePlan(), { root })).rejects.toThrow(/daemon\.json: it is a FIFO/);
  });

  it('follows a symlinked parent that stays inside the root, and writes the real file there', async () => {
    const root = makeRoot();
    renameSync(path.join(root, 'etc/docker'), path.join(root, 'etc/docker-real'));
    symlinkSync('docker-real', path.join(root, 'etc/docker'));
    const plan = samplePlan();
    await applyPlan(plan, { root });
    expect(readFileSync(path.join(root, 'etc/docker-real/daemon.json'), 'utf8')).toBe(plan.files[0].after);
    expect(lstatSync(path.join(root, 'etc/docker')).isSymbolicLink()).toBe(true);
  });

  it('fixes a real directory and a real socket, through descriptors and lchown, and refuses a link to a socket', async () => {
    const root = makeRoot();
    const sock = path.join(root, 'run/docker.sock');
    mkdirSync(path.dirname(sock));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      chmodSync(sock, 0o777);
      chmodSync(path.join(root, 'etc/docker'), 0o777);
      const plan = {
        ...samplePlan(),
        files: [],
        permissions: [
          { path: '/run/docker.sock', mode: 0o660, closes: ['3.16'] },
          { path: '/etc/docker', mode: 0o755, closes: ['3.6'] },
        ],
      };
      const result = await applyPlan(plan, { root });
      expect(result.permissions).toEqual(['/run/docker.sock', '/etc/docker']);
      expect(lstatSync(sock).mode & 0o7777).toBe(0o660);
      expect(lstatSync(path.join(root, 'etc/docker')).mode & 0o7777).toBe(0o755);
      await rollbackBackupSet(root);
      expect(lstatSync(sock).mode & 0o7777).toBe(0o777);

      symlinkSync(sock, path.join(root, 'run/link.sock'));
      await expect(applyPlan(permissionOnly('/run/link.sock'), { root })).rejects.toThrow(/symbolic link/);
      expect(lstatSync(sock).mode & 0o7777).toBe(0o777);
    } finally {
      server.close();
    }
  });

  it('the atomic writer refuses to replace a symlink or a directory', async () => {
    const out = outsideDir();
    const dir = mkdtempSync('/tmp/dh-atomic-');
    symlinkSync(out.file, path.join(dir, 'link'));
    const before = snapshot(out.dir);
    await expect(writeFileAtomic(path.join(dir, 'link'), 'x')).rejects.toThrow(/it is a symbolic link/);
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow(/it is a directory/);
    expect(snapshot(out.dir)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['link']);
  });

  it('keeps the backup set inside the root: a symlinked var/backups is refused and nothing is written', async () => {
    const root = makeRoot();
    const out = outsideDir();
    mkdirSync(path.join(root, 'var'));
    symlinkSync(out.dir, path.join(root, 'var/backups'));
    const before = snapshot(out.dir);
    const daemonBefore = snapshot(path.join(root, 'etc/docker/daemon.json'));
    await expect(applyPlan(samplePlan(), { root })).rejects.toThrow(/var\/backups is a symbolic link that leads outside the root/);
    expect(snapshot(out.dir)).toEqual(before);
    expect(snapshot(path.join(root, 'etc/docker/daemon.json'))).toEqual(daemonBefore);
    expect(existsSync(path.join(root, 'etc/systemd/system/docker.socket.d'))).toBe(false);
  });
});

describe('rollback is confined', () => {
  it('does not restore owner or mode through a link swapped in after the apply', async () => {
    const root = makeRoot();
    const out = outsideDir();
    await applyPlan(samplePlan(), { root });
    rmSync(path.join(root, 'etc/default-docker'));
    symlinkSync(out.file, path.join(root, 'etc/default-docker'));
    const before = snapshot(out.dir);
    const daemonBefore = snapshot(path.join(root, 'etc/docker/daemon.json'));
    await expect(rollbackBackupSet(root)).rejects.toThrow(/Refusing to change the owner or mode of \/etc\/default-docker: it is a symbolic link/);
    expect(snapshot(out.dir)).toEqual(before);
    // Checked before the first change: the restored files are not half done either.
    expect(snapshot(path.join(root, 'etc/docker/daemon.json'))).toEqual(daemonBefore);
  });

  it('refuses an id that climbs out of the backup folder, and leaves the manifest it would reach alone', async () => {
    const root = makeRoot();
    const out = outsideDir();
    mkdirSync(path.join(root, BACKUP_BASE), { recursive: true });
    const decoy = path.join(out.dir, 'x');
    mkdirSync(decoy);
    writeFileSync(path.join(decoy, 'manifest.json'), JSON.stringify({ version: 1, id: 'x', state: 'applied', files: [], permissions: [], steps: [] }));
    const before = snapshot(out.dir);
    const climb = path.relative(path.join(root, BACKUP_BASE), decoy);
    for (const id of [climb, '../../x', '..', 'a/b', '.hidden', '']) {
      const err = await rollbackBackupSet(root, id).catch((e: unknown) => e);
      expect(err, id).toBeInstanceOf(UserError);
      expect((err as Error).message, id).toMatch(/is not a backup set id/);
    }
    expect(snapshot(out.dir)).toEqual(before);
    const viaCli = await cli('--root', root, 'rollback', '../../x');
    expect(viaCli.code).toBe(2);
    expect(viaCli.stderr).toMatch(/^docker-harden: "\.\.\/\.\.\/x" is not a backup set id/);
  });

  it('refuses a manifest whose createdDirs climb out, or are not parents of their file, and removes nothing', async () => {
    const root = makeRoot();
    const out = outsideDir();
    mkdirSync(path.join(out.dir, 'empty'));
    const { backupId } = await applyPlan(samplePlan(), { root });
    const manifestFile = path.join(root, BACKUP_BASE, backupId!, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const climb = '/' + path.relative(root, path.join(out.dir, 'empty'));
    const before = snapshot(out.dir);
    for (const dirs of [[climb], ['/etc/systemd/system/docker.socket.d/../../../../..' + path.join(out.dir, 'empty')], ['/usr/lib'], ['relative/dir']]) {
      manifest.files[1].createdDirs = dirs;
      writeFileSync(manifestFile, JSON.stringify(manifest), { mode: 0o600 });
      const err = await rollbackBackupSet(root, backupId!).catch((e: unknown) => e);
      expect(err, dirs[0]).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(/manifest of backup set .* is not valid \(\/files\/1\/createdDirs\/0 /);
    }
    expect(snapshot(out.dir)).toEqual(before);
    expect(existsSync(path.join(root, 'etc/systemd/system/docker.socket.d/50-docker-harden.conf'))).toBe(true);
  });

  it('validates the manifest against its schema, container restore argv included', async () => {
    const root = makeRoot();
    const { backupId } = await applyPlan(samplePlan(), { root });
    const id = backupId!;
    const manifestFile = path.join(root, BACKUP_BASE, id, 'manifest.json');
    const good = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const cid = 'a'.repeat(64);
    const container = {
      name: 'web',
      id: cid,
      before: { Memory: 0 },
      restoreArgs: ['update', '--memory', '0', '--restart', 'on-failure:3', cid],
      unrestorable: [],
    };
    const cases: [string, (m: any) => void, RegExp | null][] = [
      ['endpoint and containers', (m) => Object.assign(m, { endpoint: 'unix:///run/docker.sock', containers: [container] }), null],
      ['unknown key', (m) => (m.extra = 1), /has an unknown key "extra"/],
      ['id not the folder', (m) => (m.id = 'other'), /\/id is "other", not the name of its folder/],
      ['backup file outside files/', (m) => (m.files[0].backupFile = '../../../../etc/shadow'), /\/files\/0\/backupFile must match pattern/],
      ['mode too large', (m) => (m.permissions[0].before.mode = 0o17777), /\/permissions\/0\/before\/mode must be <= 4095/],
      [
        'restore argv not update',
        (m) => (m.containers = [{ ...container, restoreArgs: ['run', '--privileged', cid] }]),
        /\/containers\/0\/restoreArgs\/0 must be equal to constant/,
      ],
      [
        'shell in restore argv',
        (m) => (m.containers = [{ ...container, restoreArgs: ['update', '--memory', '$(reboot)', cid] }]),
        /\/containers\/0\/restoreArgs\/2 must match pattern/,
      ],
      [
        'restore argv for another container',
        (m) => (m.containers = [{ ...container, restoreArgs: ['update', '--memory', '0', 'other'] }]),
        /does not end with its container web/,
      ],
      ['endpoint as an option', (m) => (m.endpoint = '--config=/tmp/x'), /\/endpoint must match pattern/],
      ['permission path relative', (m) => (m.permissions[0].path = 'etc/default-docker'), /\/permissions\/0\/path must match pattern/],
    ];
    for (const [name, mutate, expected] of cases) {
      const m = structuredClone(good);
      mutate(m);
      writeFileSync(manifestFile, JSON.stringify(m), { mode: 0o600 });
      const got = await readManifest(root, id).then(
        () => null,
        (e: Error) => e,
      );
      if (expected === null) expect(got, name).toBeNull();
      else {
        expect(got, name).toBeInstanceOf(UserError);
        expect(got!.message, name).toMatch(expected);
      }
    }
  });

  it('refuses a set whose manifest others may write, or whose folder is a symlink', async () => {
    const root = makeRoot();
    const out = outsideDir();
    const { backupId } = await applyPlan(samplePlan(), { root });
    const setDir = path.join(root, BACKUP_BASE, backupId!);
    chmodSync(path.join(setDir, 'manifest.json'), 0o666);
    await expect(rollbackBackupSet(root, backupId!)).rejects.toThrow(/writable by others/);
    chmodSync(path.join(setDir, 'manifest.json'), 0o600);
    renameSync(setDir, path.join(out.dir, 'set'));
    symlinkSync(path.join(out.dir, 'set'), setDir);
    const before = snapshot(out.dir);
    await expect(rollbackBackupSet(root, backupId!)).rejects.toThrow(/its folder is not a directory/);
    expect(await listBackupSets(root)).toEqual([]);
    expect(snapshot(out.dir)).toEqual(before);
  });
});
