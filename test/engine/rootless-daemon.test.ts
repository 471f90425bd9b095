// Rootless Docker next to rootful Docker: a real `dockerd --rootless` under Debian's rootlesskit,
// run as nobody with a user layout (socket in $XDG_RUNTIME_DIR, config in ~/.config/docker), beside
// the rootful private engine. Each endpoint must name its own daemon and its own daemon.json.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { findExecutable } from '../support/private-engine.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import type { Plan } from '../../src/plan-model/plan.js';
import { cli } from '../e2e/support/cli.js';

const NOBODY = 65534;
const tools = ['rootlesskit', 'newuidmap', 'newgidmap', 'setpriv', 'dockerd'];
const missing = tools.filter((t) => !findExecutable(t));
const runnable = process.getuid?.() === 0 && missing.length === 0;

describeEngine('rootless dockerd beside a rootful one', (rootful) => {
  if (!runnable) {
    // Where the engine is required (CI), lacking rootlesskit or root fails instead of skipping.
    it.skipIf(process.env.DOCKER_HARDEN_REQUIRE_ENGINE !== '1')('has what a rootless daemon needs', () => {
      expect({ root: process.getuid?.() === 0, missing }).toEqual({ root: true, missing: [] });
    });
    return;
  }

  const work = mkdtempSync('/tmp/dh-rootless-');
  const home = path.join(work, 'home');
  const runtime = path.join(work, 'run');
  const config = path.join(home, '.config/docker/daemon.json');
  const socket = path.join(runtime, 'docker.sock');
  const idFiles: Record<string, string | null> = { '/etc/subuid': null, '/etc/subgid': null };
  let kit: ChildProcess | null = null;
  const dockerdPid = () => Number(readFileSync(path.join(runtime, 'docker.pid'), 'utf8'));

  beforeAll(async () => {
    // newuidmap maps only ranges the user owns: give nobody one for the test, put the files back after.
    for (const file of Object.keys(idFiles)) {
      idFiles[file] = existsSync(file) ? readFileSync(file, 'utf8') : null;
      if (!/^nobody:/m.test(idFiles[file] ?? '')) writeFileSync(file, `${idFiles[file] ?? ''}nobody:431072:65536\n`);
    }
    chmodSync(work, 0o755);
    for (const dir of [home, runtime, path.dirname(config)]) mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(config, '{\n  "max-concurrent-downloads": 2\n}\n');
    for (const p of [home, path.join(home, '.config'), path.dirname(config), config, runtime]) chownSync(p, NOBODY, NOBODY);
    const inner = 'rm -f /run/docker /run/containerd /run/xtables.lock; exec dockerd --rootless --bridge=none --iptables=false --ip6tables=false';
    kit = spawn(
      'setpriv',
      [
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        'env',
        `HOME=${home}`,
        `XDG_RUNTIME_DIR=${runtime}`,
        `PATH=${process.env.PATH}`,
        'rootlesskit',
        '--net=host',
        '--copy-up=/etc',
        '--copy-up=/run',
        `--state-dir=${runtime}/rootlesskit`,
        '--propagation=rslave',
        'sh',
        '-c',
        inner,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    kit.stderr!.on('data', (d) => {
      log += String(d);
    });
    for (let i = 0; i < 150 && !/API listen on/.test(log); i++) await new Promise((r) => setTimeout(r, 200));
    expect(log, log.split('\n').slice(-5).join('\n')).toMatch(/API listen on/);
  }, 60_000);

  afterAll(async () => {
    if (kit?.pid) {
      process.kill(kit.pid, 'SIGTERM');
      await new Promise((r) => kit!.once('exit', r).once('error', r));
    }
    for (const [file, content] of Object.entries(idFiles)) if (content !== null) writeFileSync(file, content);
    rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }, 60_000);

  it('the rootless daemon really runs rootless, as nobody', () => {
    const info = execFileSync('docker', ['-H', `unix://${socket}`, 'info', '--format', '{{json .SecurityOptions}}'], { encoding: 'utf8' });
    expect(info).toContain('name=rootless');
    expect(readFileSync(`/proc/${dockerdPid()}/status`, 'utf8')).toMatch(/^Uid:\s+65534\s/m);
  });

  it("inspect against each endpoint names that daemon and that daemon's daemon.json", async () => {
    const user = await inspectHost({ root: '/', dockerHost: `unix://${socket}` });
    expect(user.dockerd).toMatchObject({ pid: dockerdPid(), identifiedBy: 'socket-inode', rootless: true, uid: NOBODY, defaultConfigFile: config });
    expect(user.dockerd?.manager?.kind).toBe('manual');
    expect(user.daemonJson).toMatchObject({ path: config, parsed: { 'max-concurrent-downloads': 2 } });

    const root = await inspectHost({ root: '/', dockerHost: rootful.host });
    expect(root.dockerd).toMatchObject({ pid: rootful.pid, identifiedBy: 'socket-inode', rootless: false, uid: 0 });
    expect(root.daemonJson.path).toBe(path.join(rootful.dir, 'daemon.json'));
  }, 60_000);

  it('the strict plan for the rootless endpoint edits only ~/.config/docker/daemon.json, with ulimits it can grant', async () => {
    const run = await cli('--docker-host', `unix://${socket}`, '--no-color', 'plan', '--profile', 'strict', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as Plan;
    expect(plan.files.filter((f) => f.artifact === 'daemon-json').map((f) => f.path)).toEqual([config]);
    const text = JSON.stringify(plan);
    expect(text).not.toContain(rootful.dir);
    expect(text).not.toContain('/etc/docker/daemon.json');
    const hard = Number(/Max open files\s+\S+\s+(\S+)/.exec(readFileSync(`/proc/${dockerdPid()}/limits`, 'utf8'))![1]);
    const nofile = JSON.parse(plan.files.find((f) => f.path === config)!.after!)['default-ulimits'].nofile;
    expect(nofile.Hard).toBe(Math.min(65536, hard));
  }, 60_000);
});
