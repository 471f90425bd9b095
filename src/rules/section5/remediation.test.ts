import { describe, expect, it } from 'vitest';
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import { DEFAULT_PARAMS, type HardeningParams } from '../params.js';
import type { Rule } from '../rule.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { section5Rules } from './index.js';
import { byImagePrefix, doubledSize } from './remediation.js';

const rule = (id: string): Rule => section5Rules.find((r) => r.id === id)!;

function facts(...edits: ((c: EngineObject) => void)[]): HostFacts {
  const f = loadFacts(ruleFixtures('5.5').pass[0]);
  const base = f.engine!.containers[0];
  f.engine!.containers = edits.map((edit) => {
    const c = structuredClone(base);
    edit(c);
    return c;
  });
  return f;
}

/** A container outside compose: no project/service labels. */
const plain =
  (name: string, edit: (c: EngineObject) => void = () => {}) =>
  (c: EngineObject) => {
    c.Name = `/${name}`;
    c.Config.Labels = {};
    edit(c);
  };
/** A replica of a compose service. */
const replica =
  (project: string, service: string, n: number, edit: (c: EngineObject) => void = () => {}) =>
  (c: EngineObject) => {
    c.Name = `/${project}-${service}-${n}`;
    c.Config.Labels = { 'com.docker.compose.project': project, 'com.docker.compose.service': service };
    edit(c);
  };

const params = (over: Partial<HardeningParams> = {}): HardeningParams => ({ ...DEFAULT_PARAMS, ...over });

describe('section 5 remediation', () => {
  it('fixes a compose service once for all its replicas, and leaves passing containers alone', () => {
    const f = facts(
      replica('shop', 'api', 1, (c) => (c.HostConfig.PidsLimit = 0)),
      replica('shop', 'api', 2, (c) => (c.HostConfig.PidsLimit = 0)),
      replica('shop', 'web', 1),
    );
    expect(rule('5.29').remediate!(f, params({ pidsLimit: 100 }))).toEqual([
      { kind: 'compose-service', project: 'shop', service: 'api', key: 'pids_limit', value: 100, impact: expect.stringContaining('100 processes') },
    ]);
  });

  it('uses docker update for live-changeable limits, with --memory-swap raised in the same call', () => {
    const f = facts(plain('batch', (c) => Object.assign(c.HostConfig, { Memory: 0, CpuShares: 0, RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } })));
    const p = params({ memoryLimit: '256m', cpuShares: 256, restartMaxRetries: 5 });
    expect(rule('5.11').remediate!(f, p)).toMatchObject([
      { kind: 'docker-update', container: 'batch', flag: '--memory', value: '256m', impact: expect.stringContaining('OOM') },
      { kind: 'docker-update', container: 'batch', flag: '--memory-swap', value: '512m' },
    ]);
    expect(rule('5.12').remediate!(f, p)).toMatchObject([{ kind: 'docker-update', flag: '--cpu-shares', value: '256' }]);
    expect(rule('5.15').remediate!(f, p)).toMatchObject([{ kind: 'docker-update', flag: '--restart', value: 'on-failure:5' }]);
  });

  it('gives recreate flags for what docker update cannot change', () => {
    const f = facts(plain('tool', (c) => Object.assign(c.HostConfig, { Privileged: true, ReadonlyRootfs: false, PidMode: 'host', SecurityOpt: null })));
    expect(rule('5.5').remediate!(f, params())).toMatchObject([{ kind: 'recreate-advice', container: 'tool', flags: ['--privileged=false'] }]);
    expect(rule('5.13').remediate!(f, params())).toMatchObject([{ kind: 'recreate-advice', flags: ['--read-only', '--tmpfs', '/tmp', '--tmpfs', '/run'] }]);
    expect(rule('5.16').remediate!(f, params())).toMatchObject([{ kind: 'recreate-advice', flags: ['--pid='] }]);
    expect(rule('5.26').remediate!(f, params())).toMatchObject([{ kind: 'recreate-advice', flags: ['--security-opt', 'no-new-privileges'] }]);
  });

  it('writes compose keys for a compose service, with null resetting a namespace', () => {
    const f = facts(replica('shop', 'api', 1, (c) => Object.assign(c.HostConfig, { NetworkMode: 'host', ReadonlyRootfs: false })));
    expect(rule('5.10').remediate!(f, params())).toMatchObject([{ kind: 'compose-service', service: 'api', key: 'network_mode', value: null }]);
    expect(rule('5.13').remediate!(f, params())).toMatchObject([
      { key: 'read_only', value: true, impact: expect.stringContaining('writes outside') },
      { key: 'tmpfs', value: ['/tmp', '/run'] },
    ]);
  });

  it("drops ALL capabilities but keeps the service's own additions except ALL/SYS_ADMIN, plus the profile's", () => {
    const f = facts(
      replica('shop', 'proxy', 1, (c) => {
        c.Config.Image = 'docker.io/library/nginx:1.27';
        Object.assign(c.HostConfig, { CapAdd: ['SYS_ADMIN', 'NET_ADMIN'], CapDrop: null });
      }),
    );
    const out = rule('5.4').remediate!(f, params({ capAddByImage: { nginx: ['CHOWN', 'SETUID', 'SETGID', 'NET_BIND_SERVICE'], ng: ['KILL'] } }));
    expect(out).toMatchObject([
      { key: 'cap_drop', value: ['ALL'] },
      { key: 'cap_add', value: ['NET_ADMIN', 'CHOWN', 'SETUID', 'SETGID', 'NET_BIND_SERVICE'] },
    ]);
    expect(out[0].impact).toContain('loses SYS_ADMIN');
  });

  it('rebinds published ports to bindHostIp, IPv6 wildcards included', () => {
    const f = facts(
      plain('web', (c) => {
        c.HostConfig.PortBindings = {
          '80/tcp': [
            { HostIp: '0.0.0.0', HostPort: '18090' },
            { HostIp: '::', HostPort: '18091' },
          ],
          '53/udp': [{ HostIp: '10.0.0.5', HostPort: '5353' }],
        };
        c.NetworkSettings.Ports = {};
      }),
    );
    expect(rule('5.14').remediate!(f, params({ bindHostIp: '127.0.0.1' }))).toMatchObject([
      { kind: 'recreate-advice', flags: ['-p', '127.0.0.1:18090:80/tcp', '-p', '127.0.0.1:18091:80/tcp', '-p', '10.0.0.5:5353:53/udp'] },
    ]);
    expect(rule('5.14').remediate!(f, params({ bindHostIp: '::1' }))[0]).toMatchObject({ flags: expect.arrayContaining(['[::1]:18090:80/tcp']) });
  });

  it('uses the profile health check for the image, else manual advice', () => {
    const f = facts(plain('web', (c) => (c.Config.Healthcheck = null)));
    expect(rule('5.27').remediate!(f, params())).toMatchObject([{ kind: 'manual' }]);
    const withCheck = params({ healthcheckByImage: { 'registry.example.com/shop/': ['wget', '-q', '--spider', 'http://localhost:8080/'] } });
    expect(rule('5.27').remediate!(f, withCheck)).toMatchObject([
      { kind: 'recreate-advice', flags: ['--health-cmd', 'wget -q --spider http://localhost:8080/'] },
    ]);
  });
});

describe('remediation helpers', () => {
  it('matches image prefixes, longest first, with or without the Docker Hub prefix', () => {
    const map = { nginx: 'a', 'nginx:1.27': 'b', 'registry.example.com/': 'c' };
    expect(byImagePrefix(map, 'docker.io/library/nginx:1.27-alpine')).toBe('b');
    expect(byImagePrefix(map, 'nginx:latest')).toBe('a');
    expect(byImagePrefix(map, 'redis:7')).toBeUndefined();
  });

  it('doubles docker sizes', () => {
    expect(doubledSize('512m')).toBe('1024m');
    expect(doubledSize('1g')).toBe('2g');
  });
});

describe('swarm tasks', () => {
  it('get one note per service to change the service, never docker update or recreate advice', () => {
    const task = (n: number) =>
      plain(`api.${n}.x${n}`, (c) => {
        c.Config.Labels = { 'com.docker.swarm.service.name': 'api', 'com.docker.swarm.task.name': `api.${n}.x${n}` };
        c.HostConfig.Memory = 0;
        c.HostConfig.Privileged = true;
      });
    const f = facts(task(1), task(2));
    for (const id of ['5.11', '5.5']) {
      const out = rule(id).remediate!(f, DEFAULT_PARAMS);
      expect(out.map((c) => c.kind)).toEqual(['manual']);
      expect(out[0]).toMatchObject({ text: expect.stringMatching(/swarm service api are tasks: change the service itself/) });
    }
  });
});
