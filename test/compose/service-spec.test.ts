// One WorkloadSpec, two sources: a service definition and the inspect data of the container
// Compose makes from it read alike, so every converted section-5 item judges both the same way.
import { describe, expect, it } from 'vitest';
import { serviceSpec } from '../../src/compose/service-spec.js';
import { parseContainerInspect } from '../../src/facts/container-inspect.js';
import { containerSpec } from '../../src/rules/workload/workload-spec.js';
import * as items5 from '../../src/rules/section5/workload-items.js';
import { emptyFacts } from '../../src/facts/empty-facts.js';
import { DEFAULT_PARAMS } from '../../src/rules/params.js';

const facts = emptyFacts();
const params = { ...DEFAULT_PARAMS, healthcheckByImage: { busybox: ['CMD', 'true'] } };

/** Facts of an engine with no containers, reporting `info` and holding `images`. */
const engineFacts = (info: Record<string, unknown>, images: Record<string, unknown>[] = []) =>
  emptyFacts({ engine: { host: 'unix:///run/docker.sock', version: {}, info, containers: [], networks: [], images } });

const items = Object.values(items5).filter((v): v is items5.WorkloadItem => typeof v === 'object' && v !== null && 'judge' in v);

const PAIRS: [string, Record<string, unknown>, Record<string, unknown>][] = [
  [
    'host namespaces, privileged, unlimited restarts',
    {
      image: 'busybox:1',
      privileged: 'true',
      cap_add: ['cap_sys_admin'],
      network_mode: 'host',
      pid: 'host',
      ipc: 'host',
      uts: 'host',
      userns_mode: 'host',
      restart: 'always',
      devices: ['/dev/sda'],
    },
    {
      Privileged: true,
      CapAdd: ['cap_sys_admin'],
      NetworkMode: 'host',
      PidMode: 'host',
      IpcMode: 'host',
      UTSMode: 'host',
      UsernsMode: 'host',
      RestartPolicy: { Name: 'always', MaximumRetryCount: 0 },
      Devices: [{ PathOnHost: '/dev/sda', PathInContainer: '/dev/sda', CgroupPermissions: 'rwm' }],
    },
  ],
  [
    'limits from deploy.resources, swarm restart condition',
    {
      image: 'busybox:1',
      cap_drop: ['ALL'],
      read_only: 'yes',
      security_opt: ['no-new-privileges'],
      devices: ['/dev/ttyUSB0:/dev/ttyUSB0:r'],
      cpu_shares: '512',
      deploy: { resources: { limits: { memory: '256m', pids: 64 } }, restart_policy: { condition: 'on-failure', max_attempts: 7 } },
    },
    {
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Devices: [{ PathOnHost: '/dev/ttyUSB0', PathInContainer: '/dev/ttyUSB0', CgroupPermissions: 'r' }],
      ReadonlyRootfs: true,
      CpuShares: 512,
      Memory: 256 << 20,
      PidsLimit: 64,
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 7 },
    },
  ],
  [
    'ports on every interface below 1024, the socket and a shared-propagation bind',
    {
      image: 'busybox:1',
      ports: ['80:80/tcp', '127.0.0.1:8443:443/tcp'],
      volumes: ['/var/run/docker.sock:/var/run/docker.sock:ro', '/mnt/data:/data:rw,rshared'],
      security_opt: ['seccomp=unconfined'],
    },
    {
      PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '80' }], '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '8443' }] },
      Binds: ['/var/run/docker.sock:/var/run/docker.sock:ro', '/mnt/data:/data:rw,rshared'],
      SecurityOpt: ['seccomp=unconfined'],
    },
  ],
  [
    'engine defaults and the default bridge',
    { image: 'busybox:1', network_mode: 'bridge', cpu_shares: 1024, restart: 'on-failure:9' },
    { NetworkMode: 'bridge', CpuShares: 1024, RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 9 } },
  ],
];

describe('WorkloadSpec from a service and from the container it becomes', () => {
  it('covers the items evaluate-service.ts no longer judges itself', () => {
    expect(items.map((i) => i.id).sort()).toEqual([
      '5.10',
      '5.11',
      '5.12',
      '5.13',
      '5.14',
      '5.15',
      '5.16',
      '5.17',
      '5.18',
      '5.2',
      '5.20',
      '5.21',
      '5.22',
      '5.26',
      '5.27',
      '5.29',
      '5.30',
      '5.31',
      '5.32',
      '5.4',
      '5.5',
      '5.8',
    ]);
  });

  it.each(PAIRS)('%s: every item gives the same status and the same compose keys', (_, def, hostConfig) => {
    const fromYaml = serviceSpec('p', 's', def);
    const fromEngine = containerSpec(parseContainerInspect({ Name: '/p-s-1', Config: { Image: 'busybox:1' }, HostConfig: hostConfig }));
    const failing: string[] = [];
    // 5.2 reads the profile the engine chose for a container; a service's is chosen when it is created (tested below).
    for (const item of items.filter((i) => i.id !== '5.2')) {
      const a = item.judge(fromYaml, facts).status;
      expect([item.id, a]).toEqual([item.id, item.judge(fromEngine, facts).status]);
      if (a === 'fail') failing.push(item.id);
      expect(items5.fixFor(item, fromYaml, facts, params)?.compose).toEqual(items5.fixFor(item, fromEngine, facts, params)?.compose);
    }
    // Every pair must exercise some item, or the comparison proves nothing.
    expect(failing.length).toBeGreaterThan(0);
    if (def.ports) expect(failing).toEqual(expect.arrayContaining(['5.8', '5.14', '5.20', '5.22', '5.32']));
  });

  it('judges AppArmor on a service from its security options, and not where the engine has no AppArmor', () => {
    const withAppArmor = engineFacts({ SecurityOptions: ['name=apparmor'] });
    const withoutAppArmor = engineFacts({ SecurityOptions: ['name=seccomp'] });
    const unconfined = serviceSpec('p', 's', { security_opt: ['apparmor:unconfined'] });
    expect(items5.apparmor.judge(unconfined, withAppArmor).status).toBe('fail');
    expect(items5.fixFor(items5.apparmor, unconfined, withAppArmor, params)?.compose).toEqual([{ key: 'security_opt', value: ['apparmor=docker-default'] }]);
    expect(items5.apparmor.judge(unconfined, withoutAppArmor).status).toBe('not-applicable');
    expect(items5.apparmor.judge(serviceSpec('p', 's', { image: 'x' }), withAppArmor).status).toBe('pass');
    const container = containerSpec(parseContainerInspect({ Name: '/c', AppArmorProfile: '' }));
    expect(items5.apparmor.judge(container, withAppArmor).status).toBe('fail');
  });

  it('names each kind of workload in its own words', () => {
    expect(serviceSpec('app', 'web', { image: 'nginx' }).who).toBe('Service app/web');
    expect(containerSpec(parseContainerInspect({ Name: '/web' })).who).toBe('Container web');
  });

  it('reads absent inspect keys as the engine defaults, and odd YAML as deciding nothing', () => {
    const c = parseContainerInspect({ Id: 'abc', HostConfig: { PidsLimit: '12' } });
    expect(c).toMatchObject({
      name: 'abc',
      privileged: false,
      capAdd: null,
      cpuShares: 0,
      memory: 0,
      pidsLimit: null,
      restartPolicy: { name: '', retries: 0 },
      securityOpt: [],
      networks: [],
    });
    expect(serviceSpec('p', 's', { cpu_shares: 'lots', pids_limit: 'x' })).toMatchObject({ cpuShares: NaN, pidsLimit: null, memory: null });
  });

  it('gives a service the health check of its image where the engine has the image', () => {
    const withImage = engineFacts({}, [{ RepoTags: ['web:1'], Config: { Healthcheck: { Test: ['CMD', 'true'] } } }]);
    expect(items5.healthCheck.judge(serviceSpec('p', 's', { image: 'web:1' }, withImage), withImage).status).toBe('pass');
    expect(items5.healthCheck.judge(serviceSpec('p', 's', { image: 'web:1', healthcheck: { disable: true } }, withImage), withImage).status).toBe('fail');
    expect(items5.healthCheck.judge(serviceSpec('p', 's', { image: 'other:1' }, withImage), withImage).status).toBe('fail');
  });
});
