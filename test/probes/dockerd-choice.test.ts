import { describe, expect, it } from 'vitest';
import { realpathSync } from 'node:fs';
import { chooseDockerd, probeDockerdProcess } from '../../src/probes/dockerd-process-probe.js';
import { parseDockerHost } from '../../src/probes/docker-host.js';

const proc = (pid: number, ...args: string[]) => ({ pid, exe: '/usr/sbin/dockerd', argv: ['/usr/sbin/dockerd', ...args] });

describe('chooseDockerd', () => {
  const systemdOne = proc(100, '-H', 'fd://', '--containerd=/run/containerd/containerd.sock');
  const testOne = proc(200, '--data-root', '/tmp/x/data', '-H', 'unix:///tmp/x/docker.sock');
  const tcpOne = proc(300, '--host=tcp://0.0.0.0:2376', '--tlsverify');

  it('prefers the dockerd whose -H serves the endpoint', async () => {
    expect(await chooseDockerd([systemdOne, testOne, tcpOne], parseDockerHost('unix:///tmp/x/docker.sock'))).toBe(testOne);
    expect(await chooseDockerd([systemdOne, testOne, tcpOne], parseDockerHost('tcp://127.0.0.1:2376'))).toBe(tcpOne);
  });

  it('compares socket paths through symlinked directories', async () => {
    const runOne = proc(400, '-H', 'unix:///run/docker.sock');
    const varRun = realpathSync('/var/run') === '/run';
    expect(await chooseDockerd([systemdOne, runOne], parseDockerHost('unix:///var/run/docker.sock'))).toBe(varRun ? runOne : systemdOne);
  });

  it('falls back to the lowest pid, and to null without candidates', async () => {
    expect(await chooseDockerd([systemdOne, testOne], parseDockerHost('unix:///elsewhere.sock'))).toBe(systemdOne);
    expect(await chooseDockerd([], parseDockerHost('unix:///elsewhere.sock'))).toBeNull();
  });
});

describe('probeDockerdProcess', () => {
  it('does not read the process table for another root', async () => {
    expect(await probeDockerdProcess({ root: '/tmp', endpoint: parseDockerHost('unix:///var/run/docker.sock') })).toEqual({
      value: null,
      status: { status: 'missing', message: 'process table not read for --root' },
    });
  });
});
