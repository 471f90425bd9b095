// Probes that read plain host files under a temp root: docker group, env files, content trust,
// daemon.json (path from dockerd's flags, parse errors with line numbers).
import { afterEach, describe, expect, it } from 'vitest';
import { readAccounts } from '../../src/probes/accounts.js';
import { probeUsers } from '../../src/probes/users-probe.js';
import { probeEnvFiles } from '../../src/probes/env-files-probe.js';
import { probeContentTrust } from '../../src/probes/content-trust-probe.js';
import { daemonJsonPath, probeDaemonJson } from '../../src/probes/daemon-json-probe.js';
import { tempRoot, type TempRoot } from './temp-root.js';

let root: TempRoot;
afterEach(() => root?.remove());

describe('probeUsers', () => {
  it('counts listed members and users whose primary group is docker', async () => {
    root = tempRoot();
    root.write('/etc/passwd', 'root:x:0:0::/root:/bin/sh\nci:x:1001:998::/home/ci:/bin/sh\nbob:x:1002:1002::/home/bob:/bin/sh\n');
    root.write('/etc/group', 'root:x:0:\ndocker:x:998:alice,bob\nbob:x:1002:\n');
    expect(probeUsers(await readAccounts(root.dir))).toEqual({
      value: ['alice', 'bob', 'ci'],
      status: { status: 'ok', message: 'docker group: alice, bob, ci' },
    });
  });

  it('reports a missing docker group', async () => {
    root = tempRoot();
    root.write('/etc/group', 'root:x:0:\n');
    expect(probeUsers(await readAccounts(root.dir))).toEqual({ value: null, status: { status: 'missing', message: 'no docker group' } });
  });
});

describe('probeEnvFiles', () => {
  it('reads the standard files and any EnvironmentFile the unit names', async () => {
    root = tempRoot();
    root.write('/etc/default/docker', 'DOCKER_OPTS="--icc=false"\n');
    root.write('/etc/docker/env', 'X=1\n');
    const unit = {
      path: '/lib/systemd/system/docker.service',
      content: '[Service]\nEnvironmentFile=-/etc/docker/env\nEnvironmentFile=-/etc/absent\n',
      dropIns: [],
    };
    const { value, status } = await probeEnvFiles(root.dir, unit);
    expect(value).toEqual({
      '/etc/default/docker': 'DOCKER_OPTS="--icc=false"\n',
      '/etc/sysconfig/docker': null,
      '/etc/docker/env': 'X=1\n',
      '/etc/absent': null,
    });
    expect(status).toEqual({ status: 'ok', message: '/etc/default/docker, /etc/docker/env' });
  });
});

describe('probeContentTrust', () => {
  it('keeps only the lines that mention DOCKER_CONTENT_TRUST', async () => {
    root = tempRoot();
    root.write('/etc/environment', 'PATH=/usr/bin\nDOCKER_CONTENT_TRUST=1\n');
    root.write('/etc/profile.d/docker.sh', '# trust\nexport DOCKER_CONTENT_TRUST=1\nexport OTHER=2\n');
    root.write('/etc/profile.d/other.sh', 'export A=1\n');
    root.write('/etc/profile.d/docker.csh', 'setenv DOCKER_CONTENT_TRUST 1\n');
    expect(await probeContentTrust(root.dir, { DOCKER_CONTENT_TRUST: '0' })).toEqual({
      env: '0',
      files: [
        { path: '/etc/environment', content: 'DOCKER_CONTENT_TRUST=1' },
        { path: '/etc/profile.d/docker.sh', content: 'export DOCKER_CONTENT_TRUST=1' },
      ],
    });
  });
});

describe('probeDaemonJson', () => {
  it('takes the path from --config-file, else the default', () => {
    expect(daemonJsonPath(['-H', 'fd://', '--config-file', '/srv/docker.json'])).toBe('/srv/docker.json');
    expect(daemonJsonPath(['--config-file=/srv/d.json'])).toBe('/srv/d.json');
    expect(daemonJsonPath(['-H', 'fd://'])).toBe('/etc/docker/daemon.json');
  });

  it('keeps a broken file raw, with the line and column of the error', async () => {
    root = tempRoot();
    const raw = '{\n  "icc": false,\n  "log-driver": "journald"\n  "live-restore": true\n}\n';
    root.write('/etc/docker/daemon.json', raw);
    const { value, status } = await probeDaemonJson(root.dir, '/etc/docker/daemon.json');
    expect(value).toEqual({ path: '/etc/docker/daemon.json', raw, parsed: null, parseError: { line: 4, column: 3, message: expect.any(String) } });
    expect(status).toEqual({ status: 'error', message: expect.stringMatching(/^\/etc\/docker\/daemon.json line 4, column 3: /) });
  });

  it('parses a good file and reports absence as missing', async () => {
    root = tempRoot();
    root.write('/srv/d.json', '{"icc": false, "userns-remap": "default"}');
    expect(await probeDaemonJson(root.dir, '/srv/d.json')).toEqual({
      value: { path: '/srv/d.json', raw: '{"icc": false, "userns-remap": "default"}', parsed: { icc: false, 'userns-remap': 'default' } },
      status: { status: 'ok', message: '/srv/d.json: 2 keys' },
    });
    expect(await probeDaemonJson(root.dir, '/etc/docker/daemon.json')).toEqual({
      value: { path: '/etc/docker/daemon.json', raw: null, parsed: null },
      status: { status: 'missing', message: '/etc/docker/daemon.json does not exist' },
    });
  });
});
