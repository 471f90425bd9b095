// Owner, group and mode of Docker paths under a temp root, with names from the root's own
// /etc/passwd and /etc/group, symlinks resolved inside the root, and parents of missing paths.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, chownSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { probeFiles, statHostPath } from '../../src/probes/files-probe.js';
import { readAccounts } from '../../src/probes/accounts.js';
import { cisPaths } from '../../src/probes/file-paths.js';
import { tempRoot, type TempRoot } from './temp-root.js';

let root: TempRoot;
afterEach(() => root?.remove());

const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nalice:x:1234:1234::/home/alice:/bin/sh\n';
const GROUP = 'root:x:0:\ndocker:x:998:alice\nalice:x:1234:\n';

function hostRoot(): TempRoot {
  const r = tempRoot();
  r.write('/etc/passwd', PASSWD);
  r.write('/etc/group', GROUP);
  return r;
}

describe('probeFiles', () => {
  it('records mode, ids and names as the root sees them', async () => {
    root = hostRoot();
    const daemonJson = root.write('/etc/docker/daemon.json', '{}\n');
    chmodSync(daemonJson, 0o640);
    chownSync(daemonJson, 1234, 998);
    chmodSync(root.mkdir('/etc/docker'), 0o2755);
    const accounts = await readAccounts(root.dir);
    const result = await probeFiles(root.dir, ['/etc/docker/daemon.json', '/etc/docker'], accounts);
    expect(result.value['/etc/docker/daemon.json']).toEqual({ exists: true, type: 'file', mode: 0o640, uid: 1234, gid: 998, owner: 'alice', group: 'docker' });
    // Special bits are kept: a setgid /etc/docker is not "755 or more restrictive".
    expect(result.value['/etc/docker']).toMatchObject({ type: 'directory', mode: 0o2755 });
    // The oracle for the numbers is the kernel's own stat.
    expect(result.value['/etc/docker/daemon.json'].mode).toBe(statSync(daemonJson).mode & 0o7777);
    expect(result.status.status).toBe('ok');
  });

  it('follows absolute symlinks inside the root and records where they lead', async () => {
    root = hostRoot();
    root.mkdir('/run');
    root.symlink('/var/run', '/run');
    const sockFile = path.join(root.dir, 'run/docker.sock');
    const server = net.createServer().listen(sockFile);
    await new Promise((r) => server.once('listening', r));
    try {
      chmodSync(sockFile, 0o660);
      const stat = await statHostPath(root.dir, '/var/run/docker.sock', await readAccounts(root.dir));
      expect(stat).toMatchObject({ exists: true, type: 'socket', mode: 0o660, realPath: '/run/docker.sock' });
    } finally {
      server.close();
    }
    // A dangling link says where it points; the target resolves inside the root, not on this machine.
    root.symlink('/usr/bin/runc', '/opt/runc/bin/runc');
    const dangling = await statHostPath(root.dir, '/usr/bin/runc', await readAccounts(root.dir));
    expect(dangling).toEqual({ exists: false, realPath: '/opt/runc/bin/runc' });
  });

  it('records the nearest existing ancestors of missing paths and every registry certificate', async () => {
    root = hostRoot();
    root.write('/etc/docker/certs.d/registry.example:5000/ca.crt', 'CA');
    root.write('/etc/docker/certs.d/registry.example:5000/client.key', 'KEY', 0o600);
    const paths = cisPaths({
      dockerdPaths: [],
      dataRoot: '/srv/docker',
      daemonJsonPath: '/etc/docker/daemon.json',
      unitPaths: [],
      socketPaths: [],
      tlsPaths: ['/etc/docker/tls/key.pem'],
    });
    const { value, status } = await probeFiles(root.dir, paths, await readAccounts(root.dir));
    expect(value['/etc/sysconfig/docker']).toEqual({ exists: false });
    expect(value['/etc/sysconfig']).toEqual({ exists: false });
    expect(value['/etc']).toMatchObject({ exists: true, type: 'directory' });
    expect(value['/srv/docker']).toEqual({ exists: false });
    expect(value['/srv']).toEqual({ exists: false });
    expect(value['/etc/docker/tls']).toEqual({ exists: false });
    expect(value['/etc/docker']).toMatchObject({ exists: true });
    expect(value['/etc/docker/certs.d/registry.example:5000/client.key']).toMatchObject({ exists: true, type: 'file', mode: 0o600, owner: 'root' });
    expect(value['/etc/docker/certs.d/registry.example:5000/ca.crt']).toMatchObject({ exists: true, type: 'file' });
    expect(status).toEqual({ status: 'ok', message: expect.stringMatching(/^4 of \d+ Docker paths exist$/) });
  });

  it('reports an empty root as missing', async () => {
    root = tempRoot();
    const paths = cisPaths({
      dockerdPaths: [],
      dataRoot: '/var/lib/docker',
      daemonJsonPath: '/etc/docker/daemon.json',
      unitPaths: [],
      socketPaths: [],
      tlsPaths: [],
    });
    const { value, status } = await probeFiles(root.dir, paths, await readAccounts(root.dir));
    expect(status.status).toBe('missing');
    expect(value['/usr/bin/dockerd']).toEqual({ exists: false });
    expect(Object.values(value).every((s) => !s.exists)).toBe(true);
  });
});
