// The create request a recreate sends, built from inspect data: what it keeps, what it hardens,
// and which containers it leaves alone.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/rules/params.js';
import { section5Rules } from '../../../src/rules/section5/index.js';
import { planRecreates } from '../../../src/plan/recreate/plan-recreates.js';
import type { RecreateChoice } from '../../../src/plan/recreate/choose-containers.js';
import { IMAGE_ID, container, hostFacts, httpd } from './inspect-fixtures.js';
import type { EngineObject } from '../../../src/facts/host-facts.js';

const params = { ...DEFAULT_PARAMS, recreate: 'standalone' as const };
const all = new Set(section5Rules.map((r) => r.id));
const plan = (containers: EngineObject[], choice: RecreateChoice = {}, selected: ReadonlySet<string> = all, images?: string[]) =>
  planRecreates(hostFacts(containers, images), selected, params, choice);

describe('the hardened copy of a busybox httpd (--cap-add ALL, 0.0.0.0:8080, writable root, default bridge)', () => {
  const [step] = plan([httpd()]).steps;
  const hc = step.create.HostConfig as EngineObject;

  it('keeps the image by id, the command, the environment and the log config', () => {
    expect(step.id).toBe('recreate:web');
    expect(step.container).toEqual({ id: expect.stringMatching(/^web0{9}a+$/), name: 'web', running: true, image: IMAGE_ID });
    expect(step.create.Image).toBe(IMAGE_ID);
    expect(step.create.Cmd).toEqual(['httpd', '-f', '-p', '8080']);
    expect(step.create.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
    expect(hc.LogConfig).toEqual({ Type: 'json-file', Config: {} });
    // The engine names the host after the new id, and derives masked paths itself.
    expect(step.create).not.toHaveProperty('Hostname');
    expect(hc).not.toHaveProperty('MaskedPaths');
    expect(hc).not.toHaveProperty('ContainerIDFile');
  });

  it('drops every capability, makes the root read-only, binds the port to bindHostIp and leaves docker0', () => {
    expect(hc.CapDrop).toEqual(['ALL']);
    expect(hc.CapAdd).toEqual([]);
    expect(hc.ReadonlyRootfs).toBe(true);
    expect(hc.Tmpfs).toEqual({ '/tmp': '', '/run': '' });
    expect(hc.SecurityOpt).toEqual(['no-new-privileges=true']);
    expect(hc.PortBindings).toEqual({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] });
    expect(hc.PidsLimit).toBe(256);
    expect(hc.Memory).toBe(512 * 1024 ** 2);
    expect(hc.MemorySwap).toBe(1024 * 1024 ** 2);
    expect(hc.CpuShares).toBe(512);
    expect(hc.NetworkMode).toBe('web-net');
    expect(step.create.NetworkingConfig).toEqual({ EndpointsConfig: { 'web-net': {} } });
    expect(step.createNetworks).toEqual(['web-net']);
    expect(step.networks).toEqual({});
    expect(step.gateSeconds).toBe(10);
  });

  it('closes what the audit then passes, judged on the new request', () => {
    expect(step.closes).toEqual(['5.4', '5.11', '5.12', '5.13', '5.14', '5.26', '5.29', '5.30']);
  });

  it('shows the change as two docker run commands', () => {
    const { before, after } = step.runDiff;
    expect(before.slice(0, 5)).toEqual(['docker', 'run', '--detach', '--name', 'web']);
    expect(before.join(' ')).toContain('--cap-add ALL');
    expect(before.join(' ')).toContain('--publish 0.0.0.0:8080:8080/tcp');
    expect(after.join(' ')).toContain('--cap-drop ALL');
    expect(after.join(' ')).toContain('--read-only');
    expect(after.join(' ')).toContain('--network web-net');
    expect(after.join(' ')).toContain('--publish 127.0.0.1:8080:8080/tcp');
    expect(after.slice(-5)).toEqual([IMAGE_ID, 'httpd', '-f', '-p', '8080']);
  });

  it('applies only the items the profile selects', () => {
    const [only] = plan([httpd()], {}, new Set(['5.13'])).steps;
    expect(only.closes).toEqual(['5.13']);
    expect((only.create.HostConfig as EngineObject).CapAdd).toEqual(['ALL']);
    expect((only.create.HostConfig as EngineObject).NetworkMode).toBe('default');
  });
});

describe('containers a recreate leaves alone', () => {
  const compose = container('app-web-1', (c) => {
    c.Config.Labels = { 'com.docker.compose.project': 'app', 'com.docker.compose.service': 'web' };
  });
  const swarm = container('svc.1.x', (c) => {
    c.Config.Labels = { 'com.docker.swarm.service.name': 'svc' };
  });
  const rm = container('once', (c) => {
    c.HostConfig.AutoRemove = true;
  });

  it('skips Compose and swarm containers, and --rm ones unless named', () => {
    const planned = plan([compose, swarm, rm, httpd()]);
    expect(planned.steps.map((s) => s.container.name)).toEqual(['web']);
    expect(planned.refused).toEqual([]);
  });

  it('recreates an --rm container only when named, and says why a named Compose container is not', () => {
    const planned = plan([compose, rm, httpd()], { names: ['once', 'app-web-1'] });
    expect(planned.steps.map((s) => s.container.name)).toEqual(['once']);
    expect((planned.steps[0].create.HostConfig as EngineObject).AutoRemove).toBe(true);
    expect(planned.refused.map((r) => r.text)).toEqual([
      'Container app-web-1 is not recreated: it is managed by Compose (project app), whose compose file is fixed instead.',
    ]);
  });

  it('refuses a container whose image is gone, and blocks on a name the engine does not have', () => {
    const planned = plan([httpd()], { names: ['web', 'nope'] }, all, []);
    expect(planned.steps).toEqual([]);
    expect(planned.refused).toEqual([
      expect.objectContaining({ blocking: true, text: '--recreate names container nope, which the engine does not have.' }),
      expect.objectContaining({
        text: expect.stringMatching(/^Container web is not recreated: its image local\/busybox:1 \(sha256:1f0c5d2b9a8e\) is no longer on the host/),
      }),
    ]);
  });

  it('plans nothing for a container that already passes', () => {
    const hard = container('hard', (c) => {
      Object.assign(c.HostConfig, {
        CapDrop: ['ALL'],
        ReadonlyRootfs: true,
        SecurityOpt: ['no-new-privileges'],
        Memory: 64 * 1024 ** 2,
        PidsLimit: 64,
        CpuShares: 512,
        NetworkMode: 'none',
      });
      c.Config.Healthcheck = { Test: ['CMD', 'true'] };
      c.NetworkSettings.Networks = { none: {} };
    });
    expect(plan([hard]).steps).toEqual([]);
  });
});

describe('volumes, networks and mounts', () => {
  it('mounts named and anonymous volumes by their names, so their data comes along', () => {
    const c = container('db', (x) => {
      x.Config.Volumes = { '/anon': {} };
      x.HostConfig.Binds = ['data:/data', '/srv/conf:/conf:ro'];
      x.Mounts = [
        { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', RW: true },
        { Type: 'volume', Name: 'f00dcafe', Source: '/var/lib/docker/volumes/f00dcafe/_data', Destination: '/anon', RW: true },
        { Type: 'bind', Source: '/srv/conf', Destination: '/conf', RW: false },
      ];
    });
    const [step] = plan([c]).steps;
    expect((step.create.HostConfig as EngineObject).Binds).toEqual(['data:/data', '/srv/conf:/conf:ro', 'f00dcafe:/anon']);
    expect(step.create.Volumes).toEqual({ '/anon': {} });
  });

  it('names the volume of a --mount without a source', () => {
    const c = container('m', (x) => {
      x.HostConfig.Mounts = [{ Type: 'volume', Target: '/cache' }];
      x.Mounts = [{ Type: 'volume', Name: 'beefbeef', Destination: '/cache', RW: true }];
    });
    const [step] = plan([c]).steps;
    expect((step.create.HostConfig as EngineObject).Mounts).toEqual([{ Type: 'volume', Target: '/cache', Source: 'beefbeef' }]);
  });

  it('makes writable binds of host system directories read-only', () => {
    const c = container('agent', (x) => {
      x.HostConfig.Binds = ['/etc:/host-etc', '/var/log:/logs:rw,rslave'];
    });
    const [step] = plan([c]).steps;
    expect((step.create.HostConfig as EngineObject).Binds).toEqual(['/etc:/host-etc:ro', '/var/log:/logs:rw,rslave']);
  });

  it('keeps a user-defined network with its aliases and static address, and further networks to connect', () => {
    const c = container('api', (x) => {
      x.HostConfig.NetworkMode = 'front';
      x.NetworkSettings.Networks = {
        front: { IPAMConfig: { IPv4Address: '10.5.0.9' }, Aliases: ['api', 'api0000000000'.slice(0, 12), 'api-alias'], Links: null },
        back: { IPAMConfig: null, Aliases: ['api-back'], Links: null },
      };
    });
    const [step] = plan([c]).steps;
    expect(step.create.NetworkingConfig).toEqual({ EndpointsConfig: { front: { IPAMConfig: { IPv4Address: '10.5.0.9' }, Aliases: ['api', 'api-alias'] } } });
    expect(step.networks).toEqual({ back: { Aliases: ['api-back'] } });
    expect(step.createNetworks).toEqual([]);
    expect(step.runDiff.after.join(' ')).toContain('--network front --network-alias api --network-alias api-alias --ip 10.5.0.9');
    expect(step.runDiff.after.join(' ')).toContain('--network name=back,alias=api-back');
  });

  it('moves a host-network container onto its own network and publishes the ports its image declares', () => {
    const c = container('probe', (x) => {
      x.HostConfig.NetworkMode = 'host';
      x.Config.Hostname = 'the-host';
      x.NetworkSettings.Networks = { host: {} };
    });
    const planned = plan([c]);
    const [step] = planned.steps;
    expect(step.closes).toContain('5.10');
    expect(step.create).not.toHaveProperty('Hostname');
    expect((step.create.HostConfig as EngineObject).NetworkMode).toBe('probe-net');
    expect((step.create.HostConfig as EngineObject).PortBindings).toEqual({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] });
    expect(planned.warnings.map((w) => w.text)).toEqual([
      'Recreated container probe: it leaves the host network and publishes 8080/tcp on 127.0.0.1; ports it listened on beyond those its image declares are no longer reachable.',
    ]);
  });

  it('keeps NET_BIND_SERVICE under cap_drop ALL for a container serving a port below 1024', () => {
    const c = container('www', (x) => {
      x.Config.ExposedPorts = { '80/tcp': {} };
    });
    const [step] = plan([c]).steps;
    expect((step.create.HostConfig as EngineObject).CapAdd).toEqual(['NET_BIND_SERVICE']);
  });
});
