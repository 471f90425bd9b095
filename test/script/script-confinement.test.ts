// The emitted scripts stay inside their root: plan paths that would land beside or outside it are
// refused when rendered, and at run time (real bash, as root, against scratch roots) no symlink
// leads a write, chmod, chown or removal out. Each hostile link points into ANOTHER scratch
// directory, compared by lstat and bytes before and after.
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
import path from 'node:path';
import { renderScript } from '../../src/script/render-script.js';
import { renderPatch, renderPatchSidecar } from '../../src/patch/render-patch.js';
import { renderPermissionScript } from '../../src/artifacts/permission-script.js';
import { UserError } from '../../src/core/errors.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { makeRoot, samplePlan, DAEMON_AFTER, DAEMON_BEFORE } from '../support/sample-plan.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { cli } from '../e2e/support/cli.js';

const isRoot = process.getuid?.() === 0;

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

/** Another scratch directory: daemon.json with the planned "before" bytes (so sha checks pass) and a 0666 victim. */
function outsideDir(): { dir: string; file: string; daemon: string } {
  const dir = mkdtempSync('/tmp/dh-outside-');
  const file = path.join(dir, 'victim');
  writeFileSync(file, 'outside bytes\n');
  chmodSync(file, 0o666);
  chownSync(file, 65534, 65534);
  const daemon = path.join(dir, 'daemon.json');
  writeFileSync(daemon, DAEMON_BEFORE);
  chmodSync(daemon, 0o666);
  return { dir, file, daemon };
}

function writeScript(text: string): string {
  const file = path.join(mkdtempSync('/tmp/dh-script-'), 'harden.sh');
  writeFileSync(file, text);
  return file;
}

const run = (script: string, ...args: string[]) => spawnSync('bash', [script, ...args], { encoding: 'utf8', cwd: '/tmp' });

function shellcheckClean(file: string): void {
  expect(spawnSync('bash', ['-n', file]).status).toBe(0);
  const sc = spawnSync('shellcheck', ['-s', 'bash', file], { encoding: 'utf8' });
  expect(sc.error).toBeUndefined();
  expect(sc.stdout).toBe('');
}

describe('paths that would land outside the root are refused when rendered', () => {
  const bad = ['/etc/docker/../../x/outside/daemon.json', 'daemon.json', './daemon.json', '/etc/docker/./daemon.json', '/etc/docker/', ''];
  it.each(bad)('%j for script, patch, sidecar and permission script', (p) => {
    const file: Plan = { ...samplePlan(), files: [{ ...samplePlan().files[0], path: p }] };
    const perm: Plan = { ...samplePlan(), files: [], permissions: [{ path: p, mode: 0o644, closes: ['3.18'] }] };
    for (const render of [
      () => renderScript(file),
      () => renderPatch(file),
      () => renderPatchSidecar(file),
      () => renderScript(perm),
      () => renderPatchSidecar(perm),
      () => renderPermissionScript(perm),
    ]) {
      const err = (() => {
        try {
          render();
          return null;
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(/^Refusing the (file path|permission target) .*: it is not a plain absolute path/);
      expect((err as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('script and patch exit 2 with one sentence for facts naming daemon.json through "..", and write nothing', async () => {
    const facts = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'hosts/debian-docker-io.json'), 'utf8'));
    facts.daemonJson.path = '/etc/docker/../../x/outside/daemon.json';
    const dir = mkdtempSync('/tmp/dh-facts-');
    writeFileSync(path.join(dir, 'facts.json'), JSON.stringify(facts));
    for (const command of ['script', 'patch']) {
      const res = await cli('--root', dir, command, '--from', path.join(dir, 'facts.json'), '--profile', 'baseline', '-o', path.join(dir, 'out'));
      expect(res.code, command).toBe(2);
      expect(res.stderr, command).toMatch(
        /^docker-harden: Refusing the file path "\/etc\/docker\/\.\.\/\.\.\/x\/outside\/daemon\.json": it is not a plain absolute path/,
      );
      expect(readdirSync(dir), command).toEqual(['facts.json']);
    }
  });

  it('every emitted script with the run-time check is shellcheck-clean', () => {
    shellcheckClean(writeScript(renderScript(samplePlan())));
    shellcheckClean(writeScript(renderPermissionScript(samplePlan())));
  });
});

describe.skipIf(!isRoot)('harden.sh at run time (bash, as root, on scratch roots)', () => {
  it('refuses a symlinked /etc/docker leading out, writes nothing, and leaves the outside dir alone', () => {
    const root = makeRoot();
    const out = outsideDir();
    rmSync(path.join(root, 'etc/docker'), { recursive: true });
    symlinkSync(out.dir, path.join(root, 'etc/docker'));
    const before = snapshot(out.dir);
    const res = run(writeScript(renderScript(samplePlan())), '--root', root);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^Refusing .*daemon\.json: .*etc\/docker leads outside the root .*\nNothing was written\.\n$/s);
    expect(snapshot(out.dir)).toEqual(before);
    expect(existsSync(path.join(root, 'var/backups'))).toBe(false);
    expect(existsSync(path.join(root, 'etc/systemd/system/docker.socket.d'))).toBe(false);
  });

  it('refuses a target file that is a symlink, and a symlinked drop-in directory, rules.d or profile.d', () => {
    for (const linked of ['etc/docker/daemon.json', 'etc/systemd/system/docker.socket.d']) {
      const root = makeRoot();
      const out = outsideDir();
      rmSync(path.join(root, linked), { recursive: true, force: true });
      symlinkSync(linked.endsWith('.json') ? out.daemon : out.dir, path.join(root, linked));
      const before = snapshot(out.dir);
      const res = run(writeScript(renderScript(samplePlan())), '--root', root);
      expect(res.status, linked).toBe(1);
      expect(res.stderr, linked).toMatch(/(is a symbolic link|leads outside the root)/);
      expect(snapshot(out.dir), linked).toEqual(before);
      expect(readFileSync(path.join(root, 'etc/default-docker'), 'utf8')).toBe('DOCKER_OPTS=""\n');
    }
    for (const dir of ['etc/audit/rules.d', 'etc/profile.d']) {
      const root = makeRoot();
      const out = outsideDir();
      mkdirSync(path.dirname(path.join(root, dir)), { recursive: true });
      symlinkSync(out.dir, path.join(root, dir));
      const plan = samplePlan([{ ...samplePlan().files[1], path: `/${dir}/docker-harden.conf` }]);
      const before = snapshot(out.dir);
      const res = run(writeScript(renderScript(plan)), '--root', root);
      expect(res.status, dir).toBe(1);
      expect(snapshot(out.dir), dir).toEqual(before);
    }
  });

  it('refuses to chmod or chown a permission target that links out (it once chmodded the link target)', () => {
    const root = makeRoot();
    const out = outsideDir();
    rmSync(path.join(root, 'etc/default-docker'));
    symlinkSync(out.file, path.join(root, 'etc/default-docker'));
    const before = snapshot(out.dir);
    const res = run(writeScript(renderScript(samplePlan())), '--root', root);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/default-docker: it is a symbolic link/);
    expect(snapshot(out.dir)).toEqual(before);
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_BEFORE);
  });

  it('keeps its backups inside the root: a symlinked var/backups is refused', () => {
    const root = makeRoot();
    const out = outsideDir();
    mkdirSync(path.join(root, 'var'));
    symlinkSync(out.dir, path.join(root, 'var/backups'));
    const before = snapshot(out.dir);
    const res = run(writeScript(renderScript(samplePlan())), '--root', root);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/var\/backups leads outside the root/);
    expect(snapshot(out.dir)).toEqual(before);
    expect(readFileSync(path.join(root, 'etc/docker/daemon.json'), 'utf8')).toBe(DAEMON_BEFORE);
  });

  it('--rollback restores what it can, and never follows a link swapped in after the apply', () => {
    const root = makeRoot();
    const out = outsideDir();
    const script = writeScript(renderScript(samplePlan()));
    expect(run(script, '--root', root).status).toBe(0);
    for (const [name, target] of [
      ['etc/default-docker', out.file],
      ['etc/docker/daemon.json', out.daemon],
    ]) {
      rmSync(path.join(root, name));
      symlinkSync(target, path.join(root, name));
    }
    const before = snapshot(out.dir);
    const res = run(script, '--root', root, '--rollback');
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/default-docker: it is a symbolic link/);
    expect(res.stderr).toMatch(/daemon\.json: it is a symbolic link/);
    expect(snapshot(out.dir)).toEqual(before);
    expect(existsSync(path.join(root, 'etc/systemd/system/docker.socket.d/50-docker-harden.conf'))).toBe(false);
  });

  it('follows a symlinked parent that stays inside the root', () => {
    const root = makeRoot();
    renameSync(path.join(root, 'etc/docker'), path.join(root, 'etc/docker-real'));
    symlinkSync('docker-real', path.join(root, 'etc/docker'));
    const res = run(writeScript(renderScript(samplePlan())), '--root', root);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(readFileSync(path.join(root, 'etc/docker-real/daemon.json'), 'utf8')).toBe(DAEMON_AFTER);
    expect(lstatSync(path.join(root, 'etc/docker')).isSymbolicLink()).toBe(true);
  });

  it('handles roots and directories named with spaces, quotes, $() and newlines, and refuses such a directory that links out', () => {
    const root = makeRoot(`dh-root 'q' $(touch PWNED) \`x\`\n-`);
    const odd = "/etc/docker/dir 'q' $(touch PWNED2)\n";
    const plan = samplePlan([
      { ...samplePlan().files[1], path: `${odd}/new.conf` },
      { ...samplePlan().files[1], path: `${odd}x/new.conf` },
    ]);
    const script = writeScript(renderScript(plan));
    shellcheckClean(script);
    const ok = run(script, '--root', root);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(readFileSync(path.join(root, odd, 'new.conf'), 'utf8')).toBe(plan.files[2].after);
    expect(run(script, '--root', root, '--rollback').status).toBe(0);
    expect(existsSync(path.join(root, odd, 'new.conf'))).toBe(false);

    const out = outsideDir();
    rmSync(path.join(root, odd), { recursive: true, force: true });
    symlinkSync(out.dir, path.join(root, odd));
    const before = snapshot(out.dir);
    const refused = run(script, '--root', root);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/leads outside the root/);
    expect(snapshot(out.dir)).toEqual(before);
    expect(readdirSync('/tmp').filter((n) => n.startsWith('PWNED'))).toEqual([]);
  });
});

describe.skipIf(!isRoot)('fix-permissions.sh at run time', () => {
  it('names and skips a target that links out (exit 1), and still fixes the others', () => {
    const root = makeRoot();
    const out = outsideDir();
    mkdirSync(path.join(root, 'etc/default'));
    symlinkSync(out.file, path.join(root, 'etc/default/docker'));
    mkdirSync(path.join(root, 'srv'));
    symlinkSync(out.dir, path.join(root, 'srv/conf'));
    const permissions = ['/etc/default/docker', '/srv/conf/victim', '/etc/default-docker'].map((p) => ({
      path: p,
      mode: 0o644,
      owner: 'root',
      group: 'root',
      closes: ['3.22'],
    }));
    const script = writeScript(renderPermissionScript({ profile: 'strict', permissions }));
    shellcheckClean(script);
    const before = snapshot(out.dir);
    const res = spawnSync('bash', [script], { encoding: 'utf8', env: { ...process.env, DOCKER_HARDEN_ROOT: root } });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/docker: it is a symbolic link/);
    expect(res.stderr).toMatch(/srv\/conf leads outside the root/);
    expect(res.stderr).toMatch(/2 path\(s\) refused/);
    expect(snapshot(out.dir)).toEqual(before);
    expect(lstatSync(path.join(root, 'etc/default-docker')).mode & 0o7777).toBe(0o644);
  });
});
