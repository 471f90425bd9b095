import { describe, expect, it } from 'vitest';
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import type { Rule } from '../rule.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { section5Rules } from './index.js';

const rule = (id: string): Rule => section5Rules.find((r) => r.id === id)!;

/** The hardened container of the 5.x pass fixtures, changed by `edit`. */
function container(edit: (c: EngineObject) => void = () => {}): EngineObject {
  const c = structuredClone(loadFacts(ruleFixtures('5.5').pass[0]).engine!.containers[0]);
  edit(c);
  return c;
}

function withContainers(containers: EngineObject[], overrides: Partial<HostFacts> = {}): HostFacts {
  const facts = loadFacts(ruleFixtures('5.5').pass[0]);
  return { ...facts, engine: { ...facts.engine!, containers }, ...overrides };
}

describe('capabilities (5.4)', () => {
  const check = (add: string[] | null, drop: string[] | null, privileged = false) =>
    rule('5.4').check(withContainers([container((c) => Object.assign(c.HostConfig, { CapAdd: add, CapDrop: drop, Privileged: privileged }))]))[0];

  it('applies the stated rule', () => {
    expect(check(['NET_BIND_SERVICE'], ['ALL']).status).toBe('pass');
    expect(check(['SYS_ADMIN'], ['ALL']).status).toBe('fail');
    expect(check(['ALL'], ['SYS_RESOURCE']).status).toBe('fail');
    expect(check(['cap_net_admin'], null).status).toBe('fail');
    expect(check(['CHOWN'], null).status).toBe('warn');
    expect(check(null, null).status).toBe('warn');
    expect(check(null, ['ALL'], true).status).toBe('fail');
  });
});

describe('sensitive mounts (5.6) and docker.sock (5.32)', () => {
  const mounted = (source: string, rw: boolean) =>
    container((c) => {
      c.Mounts = [{ Type: 'bind', Source: source, Destination: '/mnt/x', RW: rw, Propagation: 'rprivate' }];
      c.HostConfig.Binds = null;
    });

  it('fails writable, warns read-only, and ignores look-alike paths', () => {
    expect(rule('5.6').check(withContainers([mounted('/etc/ssl/private', true)]))[0].status).toBe('fail');
    expect(rule('5.6').check(withContainers([mounted('/etc/localtime', false)]))[0].status).toBe('warn');
    expect(rule('5.6').check(withContainers([mounted('/etcetera', true)]))[0].status).toBe('pass');
    expect(rule('5.6').check(withContainers([mounted('/', false)]))[0].status).toBe('warn');
  });

  it('reads HostConfig.Binds of a container that has not started', () => {
    const c = container((x) => {
      x.Mounts = [];
      x.HostConfig.Binds = ['/usr/:/host-usr'];
    });
    expect(rule('5.6').check(withContainers([c]))[0].status).toBe('fail');
  });

  it.each(['/var/run/docker.sock', '/run/docker.sock', '/var/run', '/run/user/1000/docker.sock'])('flags a bind of %s', (source) => {
    expect(rule('5.32').check(withContainers([mounted(source, false)]))[0].status).toBe('fail');
  });

  it("flags the daemon's own custom socket path", () => {
    const facts = withContainers([mounted('/srv/engine/api.sock', true)], {
      dockerd: { pid: 1, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd', '-H', 'unix:///srv/engine/api.sock'] },
    });
    expect(rule('5.32').check(facts)[0].status).toBe('fail');
  });
});

describe('other runtime decisions', () => {
  const one = (id: string, edit: (c: EngineObject) => void, overrides: Partial<HostFacts> = {}) =>
    rule(id).check(withContainers([container(edit)], overrides))[0];

  it('restart policy 5.15', () => {
    const policy = (Name: string, MaximumRetryCount = 0) => one('5.15', (c) => (c.HostConfig.RestartPolicy = { Name, MaximumRetryCount })).status;
    expect([policy('no'), policy('on-failure', 3), policy('on-failure', 5)]).toEqual(['pass', 'pass', 'pass']);
    expect([policy('always'), policy('unless-stopped'), policy('on-failure', 0), policy('on-failure', 6)]).toEqual(['fail', 'fail', 'fail', 'fail']);
  });

  it('devices 5.18 warn when read-only', () => {
    const dev = (perm: string) =>
      one('5.18', (c) => (c.HostConfig.Devices = [{ PathOnHost: '/dev/ttyUSB0', PathInContainer: '/dev/ttyUSB0', CgroupPermissions: perm }])).status;
    expect(dev('r')).toBe('warn');
    expect(dev('rw')).toBe('fail');
  });

  it('seccomp 5.22: privileged and a daemon "unconfined" default also disable it', () => {
    expect(one('5.22', (c) => (c.HostConfig.SecurityOpt = ['seccomp=unconfined'])).status).toBe('fail');
    expect(one('5.22', (c) => (c.HostConfig.Privileged = true)).status).toBe('fail');
    const daemon = { daemonJson: { path: '/etc/docker/daemon.json', raw: '', parsed: { 'seccomp-profile': 'unconfined' } } };
    expect(one('5.22', (c) => (c.HostConfig.SecurityOpt = null), daemon).status).toBe('fail');
    expect(one('5.22', (c) => (c.HostConfig.SecurityOpt = ['seccomp=/etc/docker/app.json']), daemon).status).toBe('pass');
  });

  it('ulimits 5.19: an override is for review, only -1 fails', () => {
    expect(one('5.19', (c) => (c.HostConfig.Ulimits = [{ Name: 'nofile', Soft: 1024, Hard: 2048 }])).status).toBe('manual');
  });

  it('health 5.27 shows the live health state', () => {
    const result = one('5.27', (c) => (c.State.Health = { Status: 'unhealthy' }));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('unhealthy');
  });
});
