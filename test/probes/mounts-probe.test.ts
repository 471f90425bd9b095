// The mount that holds the data root, checked against findmnt on this machine's real mount table.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mountFor, parseMountinfo, probeMounts } from '../../src/probes/mounts-probe.js';
import { tempRoot, type TempRoot } from './temp-root.js';

let root: TempRoot;
afterEach(() => root?.remove());

function findmnt(p: string): { mountPoint: string; device: string; fsType: string } {
  const [mountPoint, device, fsType] = execFileSync('findmnt', ['-n', '-r', '-o', 'TARGET,SOURCE,FSTYPE', '--target', p], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ');
  return { mountPoint, device, fsType };
}

describe('probeMounts', () => {
  it('agrees with findmnt for paths on different mounts of this machine', async () => {
    const mounts = parseMountinfo(readFileSync('/proc/self/mountinfo', 'utf8'));
    const mountPoints = new Set<string>();
    for (const p of ['/', '/tmp', '/dev/shm', '/sys/fs/cgroup/memory', '/proc/sys', '/work/main']) {
      const ours = mountFor(mounts, p);
      expect(ours, p).toMatchObject(findmnt(p));
      mountPoints.add(ours!.mountPoint);
    }
    expect(mountPoints.size).toBeGreaterThan(2);
    // A data root that does not exist yet is on the mount of its nearest existing ancestor.
    const probe = await probeMounts('/', '/dev/shm/not-yet/docker');
    expect(probe.value).toMatchObject(findmnt('/dev/shm'));
    expect(probe.status).toEqual({ status: 'ok', message: expect.stringContaining('/dev/shm/not-yet/docker is on /dev/shm') });
  });

  it('reads a saved mountinfo under --root, with escaped mount points', async () => {
    root = tempRoot();
    root.write(
      '/proc/self/mountinfo',
      [
        '26 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
        '30 26 254:1 / /var/lib rw,relatime shared:5 - xfs /dev/vdb1 rw',
        '31 30 254:2 / /var/lib/my\\040docker rw,relatime - xfs /dev/mapper/vg-docker rw',
        '32 26 254:3 / /var/lib/dockerish rw - ext4 /dev/vdc rw',
      ].join('\n') + '\n',
    );
    root.mkdir('/srv');
    root.symlink('/srv/docker', '/var/lib/my docker');
    const lvm = { mountPoint: '/var/lib/my docker', device: '/dev/mapper/vg-docker', fsType: 'xfs', filesystemMountPoint: '/var/lib/my docker' };
    expect((await probeMounts(root.dir, '/var/lib/my docker/overlay2')).value).toEqual(lvm);
    // A prefix that is not a path boundary does not count.
    expect((await probeMounts(root.dir, '/var/lib/docker')).value).toEqual({
      mountPoint: '/var/lib',
      device: '/dev/vdb1',
      fsType: 'xfs',
      filesystemMountPoint: '/var/lib',
    });
    // A symlinked data root lives on the filesystem of its target.
    expect((await probeMounts(root.dir, '/srv/docker')).value).toEqual(lvm);
  });

  it('sees through a data root that dockerd bind-mounted onto itself', async () => {
    root = tempRoot();
    root.write(
      '/proc/self/mountinfo',
      ['26 1 254:0 / / rw,relatime - ext4 /dev/vda rw', '41 26 254:0 /var/lib/docker /var/lib/docker rw,relatime - ext4 /dev/vda rw'].join('\n') + '\n',
    );
    const { value, status } = await probeMounts(root.dir, '/var/lib/docker');
    expect(value).toEqual({ mountPoint: '/var/lib/docker', device: '/dev/vda', fsType: 'ext4', filesystemMountPoint: '/' });
    expect(status.message).toBe('/var/lib/docker is on /var/lib/docker (/dev/vda, ext4, same filesystem as /)');
  });

  it('reports a root without mountinfo as missing', async () => {
    root = tempRoot();
    expect((await probeMounts(root.dir, '/var/lib/docker')).status.status).toBe('missing');
  });
});
