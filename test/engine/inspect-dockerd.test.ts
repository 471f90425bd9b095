// The dockerd probe must find the real daemon by its executable: processes merely named dockerd
// (a renamed copy of sleep, `exec -a dockerd sleep`) must never be taken for it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describeEngine } from '../support/engine.js';
import { probeDockerdProcess } from '../../src/probes/dockerd-process-probe.js';
import { parseDockerHost } from '../../src/probes/docker-host.js';
import { inspectHost } from '../../src/probes/inspect-host.js';

describeEngine('inspect: the dockerd process', (engine) => {
  let dir: string;
  const decoys: ChildProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync('/tmp/dh-decoy-');
    const fake = path.join(dir, 'dockerd');
    copyFileSync('/bin/sleep', fake);
    decoys.push(spawn(fake, ['60'], { stdio: 'ignore' }));
    decoys.push(spawn('bash', ['-c', 'exec -a dockerd sleep 60'], { stdio: 'ignore' }));
    // Both look like dockerd to anything that goes by name.
    await new Promise((r) => setTimeout(r, 300));
    expect(readFileSync(`/proc/${decoys[0].pid}/comm`, 'utf8').trim()).toBe('dockerd');
    expect(readFileSync(`/proc/${decoys[1].pid}/cmdline`, 'utf8').split('\0')[0]).toBe('dockerd');
  });

  afterAll(() => {
    for (const d of decoys) d.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it("returns the private engine's dockerd and never a decoy", async () => {
    const { value, status } = await probeDockerdProcess({ root: '/', endpoint: parseDockerHost(engine.host) });
    expect(status.status).toBe('ok');
    expect(value!.pid).toBe(engine.pid);
    expect(value!.exe).toBe(engine.dockerdPath);
    expect(value!.argv).toEqual(readFileSync(`/proc/${engine.pid}/cmdline`, 'utf8').split('\0').slice(0, -1));
    expect(value!.argv).toContain(`unix://${engine.socket}`);
  });

  it('takes neither a decoy nor a real dockerd when no dockerd serves the endpoint', async () => {
    const { value, identity } = await probeDockerdProcess({ root: '/', endpoint: parseDockerHost(`unix://${dir}/nobody.sock`) });
    expect(value).toBeNull();
    expect(identity.status).toBe('ambiguous');
    expect(identity.reason).toMatch(/dockerd.* (does not hold|holds) a socket listening on unix:\/\/\/tmp\/dh-decoy-/);
  });

  it("feeds the daemon's own --config-file and data root into the other probes", async () => {
    const facts = await inspectHost({ root: '/', dockerHost: engine.host });
    expect(facts.dockerd?.pid).toBe(engine.pid);
    expect(facts.daemonJson).toEqual({ path: path.join(engine.dir, 'daemon.json'), raw: '{}\n', parsed: {} });
    expect(facts.files[engine.socket]).toMatchObject({ exists: true, type: 'socket', uid: 0 });
    expect(facts.files[path.join(engine.dir, 'data')]).toMatchObject({ exists: true, type: 'directory' });
    expect(facts.files[engine.dockerdPath]).toMatchObject({ exists: true, type: 'file', owner: 'root' });
  });

  it('finds the mount of the data root, and the filesystem behind a bind mount, as findmnt does', async () => {
    const facts = await inspectHost({ root: '/', dockerHost: engine.host });
    const dataRoot = path.join(engine.dir, 'data');
    const findmnt = (...args: string[]) =>
      execFileSync('findmnt', ['-n', '-r', ...args], { encoding: 'utf8' })
        .trim()
        .split('\n');
    const [target, majMin] = findmnt('-o', 'TARGET,MAJ:MIN', '--target', dataRoot).at(-1)!.split(' ');
    const sameDevice = findmnt('-o', 'TARGET,MAJ:MIN')
      .map((l) => l.split(' '))
      .filter(([, mm]) => mm === majMin)
      .map(([t]) => t);
    const first = sameDevice.reduce((a, b) => (b.length < a.length ? b : a));
    expect(facts.dataRootMount).toMatchObject({ mountPoint: target, filesystemMountPoint: first });
  });
});
