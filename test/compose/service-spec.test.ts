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
      '5.15',
      '5.16',
      '5.17',
      '5.18',
      '5.21',
      '5.26',
      '5.27',
      '5.29',
      '5.30',
      '5.31',
      '5.4',
      '5.5',
    ]);
  });

  it.each(PAIRS)('%s: every item gives the same status and the same compose keys', (_, def, hostConfig) => {
    const fromYaml = serviceSpec('p', 's', def);
    const fromEngine = containerSpec(parseContainerInspect({ Name: '/p-s-1', Config: { Image: 'busybox:1' }, HostConfig: hostConfig }));
    const failing: string[] = [];
    for (const item of items) {
      const a = item.judge(fromYaml, facts).status;
      expect([item.id, a]).toEqual([item.id, item.judge(fromEngine, facts).status]);
      if (a === 'fail') failing.push(item.id);
      expect(items5.fixFor(item, fromYaml, facts, params)?.compose).toEqual(items5.fixFor(item, fromEngine, facts, params)?.compose);
    }
    // Every pair must exercise some item, or the comparison proves nothing.
    expect(failing.length).toBeGreaterThan(0);
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
    const withImage = emptyFacts({
      engine: {
        host: 'unix:///run/docker.sock',
        version: {},
        info: {},
        containers: [],
        networks: [],
        images: [{ RepoTags: ['web:1'], Config: { Healthcheck: { Test: ['CMD', 'true'] } } }],
      },
    });
    expect(items5.healthCheck.judge(serviceSpec('p', 's', { image: 'web:1' }, withImage), withImage).status).toBe('pass');
    expect(items5.healthCheck.judge(serviceSpec('p', 's', { image: 'web:1', healthcheck: { disable: true } }, withImage), withImage).status).toBe('fail');
    expect(items5.healthCheck.judge(serviceSpec('p', 's', { image: 'other:1' }, withImage), withImage).status).toBe('fail');
  });
});
