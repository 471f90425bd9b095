import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync, chownSync, statSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { collectPermissions } from '../../src/artifacts/permissions.js';
import { renderPermissionScript } from '../../src/artifacts/permission-script.js';
import type { Tagged } from '../../src/rules/contribution.js';
import type { PermissionChange } from '../../src/plan-model/plan.js';

const perm = (p: string, ruleId: string, extra: Partial<Tagged<'file-permission'>>): Tagged<'file-permission'> => ({
  kind: 'file-permission',
  path: p,
  ruleId,
  ...extra,
});

describe('permission changes from contributions', () => {
  it('merges rules on one path, keeps only what the facts show is wrong, never adds mode bits', () => {
    const facts = emptyFacts({
      files: {
        '/etc/docker': { exists: true, mode: 0o775, uid: 0, gid: 0, owner: 'root', group: 'root' },
        '/etc/docker/daemon.json': { exists: true, mode: 0o600, uid: 1000, gid: 0, owner: 'alice', group: 'root' },
        '/run/docker.sock': { exists: true, mode: 0o660, owner: 'root', group: 'docker' },
        '/etc/sysconfig/docker': { exists: false },
      },
    });
    const r = collectPermissions(facts, [
      perm('/etc/docker', '3.5', { owner: 'root', group: 'root' }),
      perm('/etc/docker', '3.6', { mode: 0o755 }),
      perm('/etc/docker/daemon.json', '3.17', { owner: 'root', group: 'root' }),
      perm('/etc/docker/daemon.json', '3.18', { mode: 0o644 }),
      perm('/run/docker.sock', '3.16', { mode: 0o660 }),
      perm('/etc/sysconfig/docker', '3.21', { mode: 0o644 }),
      perm('/not/seen', '3.99', { mode: 0o600 }),
    ]);
    expect(r.permissions).toEqual<PermissionChange[]>([
      { path: '/etc/docker', mode: 0o755, fromMode: 0o775, closes: ['3.5', '3.6'] },
      { path: '/etc/docker/daemon.json', owner: 'root', fromOwner: 'alice', closes: ['3.17', '3.18'] },
      { path: '/not/seen', mode: 0o600, closes: ['3.99'] },
    ]);
  });
});

const HOSTILE_NAMES = ['plain.conf', 'with space.conf', "it's.conf", '$(touch PWNED).conf', '`touch PWNED2`.conf', 'new\nline.conf', '-rf'];

describe('fix-permissions.sh (real bash, shellcheck, run as root)', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  function setup(): { root: string; permissions: PermissionChange[] } {
    const root = mkdtempSync('/tmp/dh-perm-');
    roots.push(root);
    mkdirSync(path.join(root, 'etc/docker/dir with space'), { recursive: true });
    const permissions: PermissionChange[] = [];
    for (const name of HOSTILE_NAMES) {
      const file = path.join(root, 'etc/docker', name);
      writeFileSync(file, 'x');
      chmodSync(file, 0o4777);
      permissions.push({ path: `/etc/docker/${name}`, mode: 0o644, owner: 'root', group: 'root', closes: ['3.18'] });
    }
    chmodSync(path.join(root, 'etc/docker/dir with space'), 0o777);
    permissions.push({ path: '/etc/docker/dir with space', mode: 0o755, closes: ['3.6'] });
    // Stricter than asked: must stay 0600.
    writeFileSync(path.join(root, 'etc/docker/strict.json'), '{}');
    chmodSync(path.join(root, 'etc/docker/strict.json'), 0o600);
    permissions.push({ path: '/etc/docker/strict.json', mode: 0o644, closes: ['3.18'] });
    permissions.push({ path: '/etc/docker/absent', mode: 0o644, closes: ['3.99'] });
    return { root, permissions };
  }

  it('passes bash -n and shellcheck', () => {
    const { root, permissions } = setup();
    const file = path.join(root, 'fix.sh');
    writeFileSync(file, renderPermissionScript({ profile: "strict's $(x)", permissions }));
    const n = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    expect(n.stderr).toBe('');
    expect(n.status).toBe(0);
    const sc = spawnSync('shellcheck', ['-s', 'bash', file], { encoding: 'utf8' });
    expect(sc.error).toBeUndefined();
    expect(sc.stdout).toBe('');
    expect(sc.status).toBe(0);
  });

  it.skipIf(process.getuid?.() !== 0)('fixes owner and mode of hostile names, runs nothing from them, and changes nothing the second time', () => {
    const { root, permissions } = setup();
    for (const name of HOSTILE_NAMES) chownSync(path.join(root, 'etc/docker', name), 65534, 65534);
    const file = path.join(root, 'fix.sh');
    writeFileSync(file, renderPermissionScript({ profile: 'strict', permissions }));
    const run = () => spawnSync('bash', [file], { cwd: root, encoding: 'utf8', env: { ...process.env, DOCKER_HARDEN_ROOT: root } });

    const first = run();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    for (const name of HOSTILE_NAMES) {
      const st = statSync(path.join(root, 'etc/docker', name));
      expect([st.mode & 0o7777, st.uid, st.gid], name).toEqual([0o644, 0, 0]);
    }
    expect(statSync(path.join(root, 'etc/docker/dir with space')).mode & 0o7777).toBe(0o755);
    expect(statSync(path.join(root, 'etc/docker/strict.json')).mode & 0o7777).toBe(0o600);
    expect(first.stdout).toMatch(/absent, skipped: \/etc\/docker\/absent/);
    expect(first.stdout).toMatch(/^22 change\(s\)$/m);
    // Nothing in a name was executed.
    expect(readdirSync(root).filter((n) => n.startsWith('PWNED'))).toEqual([]);
    expect(existsSync(path.join(root, 'etc/docker/PWNED'))).toBe(false);

    const ctimes = HOSTILE_NAMES.map((n) => statSync(path.join(root, 'etc/docker', n)).ctimeMs);
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^0 change\(s\)$/m);
    expect(second.stdout).not.toMatch(/^ch(mod|own|grp) /m);
    // Not even a same-value chmod/chown happened: the inode change times did not move.
    expect(HOSTILE_NAMES.map((n) => statSync(path.join(root, 'etc/docker', n)).ctimeMs)).toEqual(ctimes);
  });
});
