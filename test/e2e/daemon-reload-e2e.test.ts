// Reload and restart on a host without systemd, and the canary after them. A private dockerd whose
// --config-file is the file apply writes: `apply` (no --no-restart) turns live-restore on by SIGHUP
// to its pid and `rollback` turns it off the same way. Then a daemon run by a sysvinit service under
// `prlimit --nofile=20000:20000`: a default-ulimit above that breaks every container after the
// restart; the canary sees it, the daemon.json goes back, the daemon restarts, containers start.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeEngine } from '../support/engine.js';
import { docker, findExecutable, startPrivateEngine, stopPrivateEngine, type PrivateEngine } from '../support/private-engine.js';
import { BIN, ensureBuilt } from '../support/ensure-build.js';

const isRoot = process.getuid?.() === 0;
const BACKUPS = '/var/backups/docker-harden';

function harden(...args: string[]) {
  const env = { ...process.env };
  delete env.DOCKER_HOST;
  return spawnSync(process.execPath, [BIN, '--no-color', ...args], { encoding: 'utf8', env, timeout: 300_000 });
}

const backupId = (stdout: string) => /^Backup set (\S+) /m.exec(stdout)?.[1];
const info = (e: PrivateEngine) => JSON.parse(docker(e, ['info', '--format', '{{json .}}'])) as { LiveRestoreEnabled: boolean };

/** SIGHUP is handled in the background: poll `docker info` briefly rather than assume it is done. */
async function liveRestore(e: PrivateEngine, want: boolean): Promise<boolean> {
  for (let i = 0; i < 40 && info(e).LiveRestoreEnabled !== want; i++) await new Promise((r) => setTimeout(r, 250));
  return info(e).LiveRestoreEnabled;
}

/** Apply on "/" is only safe when the plan touches the private daemon's own file and nothing else. */
function expectOnlyDaemonFile(plan: { files: { path: string; kind: string }[]; permissions: unknown[] }, file: string) {
  expect(plan.files.filter((f) => f.kind !== 'unchanged').map((f) => f.path)).toEqual([file]);
  expect(plan.permissions).toEqual([]);
}

describeEngine('SIGHUP reload with no systemd: live-restore on by apply, off by rollback', () => {
  const work = mkdtempSync('/tmp/dh-e2e-hup-');
  const profile = path.join(work, 'live-restore.yaml');
  let engine: PrivateEngine | null = null;
  const sets: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    engine = await startPrivateEngine();
    docker(engine!, ['run', '-d', '--name', 'app', '--network', 'none', engine!.image, 'sleep', '100000']);
    writeFileSync(profile, 'name: live-restore-only\nselect:\n  sections: []\n  include: ["2.16"]\n');
  }, 120_000);
  afterAll(async () => {
    if (engine) await stopPrivateEngine(engine);
    for (const id of sets) rmSync(path.join(BACKUPS, id), { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  /** apply, then rollback, on the private daemon's own config file; returns both runs. */
  function applyAndRollBack(config: string) {
    const plan = JSON.parse(harden('--docker-host', engine!.host, 'plan', '--profile', profile, '--format', 'json').stdout);
    expectOnlyDaemonFile(plan, config);
    expect(plan.steps.map((s: { command: string[] }) => s.command)).toEqual([['kill', '-s', 'HUP', String(engine!.pid)]]);
    const apply = harden('--docker-host', engine!.host, 'apply', '--profile', profile, '--yes');
    const id = backupId(apply.stdout);
    if (id) sets.push(id);
    return {
      apply,
      rollback: async (check: () => Promise<void>) => {
        await check();
        return harden('rollback', id!);
      },
    };
  }

  it.skipIf(!isRoot)(
    'apply turns live-restore on by SIGHUP; rollback to "live-restore": false turns it off by SIGHUP',
    async () => {
      const config = path.join(engine!.dir, 'daemon.json');
      writeFileSync(config, '{"live-restore": false}\n');
      const before = readFileSync(config, 'utf8');
      expect(await liveRestore(engine!, false)).toBe(false);
      const { apply, rollback } = applyAndRollBack(config);
      expect(apply.status, apply.stderr + apply.stdout).toBe(0);
      expect(apply.stdout).toMatch(/^step Reload dockerd \(SIGHUP\): done$/m);
      expect(apply.stdout).toMatch(/^canary: a container from [0-9a-f]{12} started and exited 0$/m);
      const undo = await rollback(async () => {
        expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ 'live-restore': true });
        expect(await liveRestore(engine!, true)).toBe(true);
      });
      expect(undo.status, undo.stderr + undo.stdout).toBe(0);
      expect(undo.stdout).toMatch(/^step Reload dockerd \(SIGHUP\): done$/m);
      expect(readFileSync(config, 'utf8')).toBe(before);
      expect(await liveRestore(engine!, false)).toBe(false);
    },
    180_000,
  );

  it.skipIf(!isRoot)(
    'where the restored file no longer names the key, rollback says a restart is needed (exit 1) instead of claiming the reload undid it',
    async () => {
      const config = path.join(engine!.dir, 'daemon.json');
      writeFileSync(config, '{}\n');
      const { apply, rollback } = applyAndRollBack(config);
      expect(apply.status, apply.stderr + apply.stdout).toBe(0);
      const undo = await rollback(async () => expect(await liveRestore(engine!, true)).toBe(true));
      expect(readFileSync(config, 'utf8')).toBe('{}\n');
      // dockerd's reload leaves a key the file no longer names as it was: the daemon really keeps it.
      expect(await liveRestore(engine!, true)).toBe(true);
      expect(undo.status).toBe(1);
      expect(undo.stderr.trim()).toMatch(
        /dockerd still runs with live-restore as the apply set it: a reload \(SIGHUP\) leaves a key daemon\.json no longer names as it was, so restart dockerd to finish the rollback\.$/,
      );
    },
    180_000,
  );
});

describeEngine('the canary undoes a daemon setting that stops every container', () => {
  const work = mkdtempSync('/tmp/dh-e2e-canary-');
  const service = `dh-canary-${randomBytes(3).toString('hex')}`;
  const initScript = `/etc/init.d/${service}`;
  let dir = '';
  let host = '';
  const sets: string[] = [];
  const pidOf = () => Number(readFileSync(path.join(dir, 'docker.pid'), 'utf8'));
  const cli = (args: string[]) => execFileSync('docker', ['-H', host, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

  beforeAll(async () => {
    if (!isRoot || !findExecutable('prlimit') || !findExecutable('service')) return;
    await ensureBuilt();
    // A private engine with the test image, stopped and started again by a sysvinit service under a
    // nofile hard limit of 20000, as a packaged daemon on a constrained host would run.
    const first = (await startPrivateEngine())!;
    const argv = readFileSync(`/proc/${first.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    await stopPrivateEngine(first, { keepDir: true });
    dir = first.dir;
    host = first.host;
    const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    writeFileSync(
      initScript,
      `#!/bin/sh
# A test service for one private dockerd (${dir}); removed by the test that made it.
stop() { pid=$(cat '${dir}/docker.pid' 2>/dev/null) || return 0; kill "$pid" 2>/dev/null; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; }
start() {
  setsid prlimit --nofile=20000:20000 ${quoted} >> '${dir}/dockerd.log' 2>&1 < /dev/null &
  i=0; while [ $i -lt 300 ]; do docker -H '${host}' version > /dev/null 2>&1 && return 0; i=$((i + 1)); sleep 0.1; done; return 1
}
case "$1" in start) start ;; stop) stop ;; restart) stop; start ;; *) exit 3 ;; esac
`,
    );
    chmodSync(initScript, 0o755);
    execFileSync('service', [service, 'start'], { stdio: 'ignore', timeout: 60_000 });
    cli(['run', '-d', '--name', 'app', '--network', 'none', 'local/busybox:1', 'sleep', '100000']);
  }, 180_000);
  afterAll(async () => {
    if (dir) {
      // The pid first: dockerd removes its pidfile on exit. Never 0: kill(0) signals our own group.
      const last = existsSync(path.join(dir, 'docker.pid')) ? pidOf() : null;
      spawnSync('service', [service, 'stop'], { timeout: 60_000 });
      if (last && last > 1) await stopPrivateEngine({ dir, socket: '', host, pid: last, image: '', dockerdPath: '' });
      else rmSync(dir, { recursive: true, force: true });
    }
    rmSync(initScript, { force: true });
    for (const id of sets) rmSync(path.join(BACKUPS, id), { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it.skipIf(!isRoot || !findExecutable('prlimit') || !findExecutable('service'))(
    'default-ulimits nofile 65536 under a hard limit of 20000: canary fails, daemon.json restored, restarted, exit 1',
    () => {
      expect(readFileSync(`/proc/${pidOf()}/limits`, 'utf8')).toMatch(/^Max open files\s+20000\s+20000\s+files/m);
      const config = path.join(dir, 'daemon.json');
      const before = readFileSync(config, 'utf8');
      // Facts as an older version saved them: the daemon's manager is named, its limits are not
      // known, so the plan cannot fit the ulimit to them and the restart is where it shows.
      const factsFile = path.join(work, 'facts.json');
      const saved = harden('--docker-host', host, 'inspect', '--save', factsFile);
      expect(saved.status, saved.stderr).toBe(0);
      const facts = JSON.parse(readFileSync(factsFile, 'utf8'));
      expect(facts.dockerd.pid).toBe(pidOf());
      facts.dockerd.manager = { kind: 'sysvinit', name: service };
      delete facts.dockerd.limits;
      writeFileSync(factsFile, JSON.stringify(facts));
      const profile = path.join(work, 'ulimits.yaml');
      writeFileSync(
        profile,
        'name: ulimits-only\nselect:\n  sections: []\n  include: ["2.9"]\nparams:\n  defaultUlimits:\n    nofile: { soft: 65536, hard: 65536 }\n',
      );

      const plan = JSON.parse(harden('--from', factsFile, 'plan', '--profile', profile, '--format', 'json').stdout);
      expectOnlyDaemonFile(plan, config);
      expect(plan.steps.map((s: { command: string[] }) => s.command)).toEqual([['service', service, 'restart']]);
      const oldPid = pidOf();

      const apply = harden('--from', factsFile, 'apply', '--profile', profile, '--yes');
      const id = backupId(apply.stdout);
      if (id) sets.push(id);
      expect(apply.status, apply.stderr + apply.stdout).toBe(1);
      expect(apply.stdout).toMatch(/^step Restart dockerd: done$/m);
      expect(apply.stdout).toMatch(/^canary: a container cannot start: .*error setting rlimit type 7: operation not permitted/m);
      expect(apply.stdout).toContain(`restored ${config} (the canary container could not start)`);
      const sentence = apply.stderr
        .trim()
        .split('\n')
        .filter((l) => l.includes('could not start'));
      expect(sentence).toHaveLength(1);
      expect(sentence[0]).toMatch(
        /After the daemon was restarted, a container could not start \(engine: .*error setting rlimit type 7: operation not permitted.*\); .*daemon\.json was restored from backup set \S+ and dockerd restarted on it, and containers start again\.$/,
      );
      expect(readFileSync(config, 'utf8')).toBe(before);
      expect(pidOf()).not.toBe(oldPid);
      expect(cli(['run', '--rm', '--network', 'none', 'local/busybox:1', 'echo', 'alive'])).toBe('alive');
    },
    300_000,
  );
});
