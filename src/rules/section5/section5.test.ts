import { describe, expect, it } from 'vitest';
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import { emptyFacts } from '../../facts/empty-facts.js';
import { DEFAULT_PARAMS } from '../params.js';
import type { CheckResult, Rule } from '../rule.js';
import { loadFacts, ruleFixtures } from '../../../test/support/fixtures.js';
import { section5Rules } from './index.js';
import { section4Rules } from '../section4/index.js';
import { section6Rules } from '../section6/index.js';
import { section7Rules } from '../section7/index.js';

const rule = (id: string): Rule => section5Rules.find((r) => r.id === id)!;
const statuses = (results: CheckResult[]) => results.map((r) => r.status);

/** The hardened container of the 5.x pass fixtures, changed by `edit`. */
function container(edit: (c: EngineObject) => void = () => {}): EngineObject {
  const base = loadFacts(ruleFixtures('5.5').pass[0]).engine!.containers[0];
  const c = structuredClone(base);
  edit(c);
  return c;
}

function withContainers(containers: EngineObject[], overrides: Partial<HostFacts> = {}): HostFacts {
  const facts = loadFacts(ruleFixtures('5.5').pass[0]);
  return { ...facts, engine: { ...facts.engine!, containers }, ...overrides };
}

describe('section 5 catalogue', () => {
  it('lists 5.1 to 5.32 in order, each with v1.7/v1.6 aliases', () => {
    expect(section5Rules.map((r) => r.id)).toEqual(Array.from({ length: 32 }, (_, i) => `5.${i + 1}`));
    for (const r of section5Rules) expect(r.aliases).toEqual({ '1.7.0': r.id, '1.6.0': r.id });
  });
});

describe('engine gate', () => {
  it('is not-applicable when the host has no engine', () => {
    const results = rule('5.5').check(emptyFacts({ probes: { engine: { status: 'missing' } } }));
    expect(statuses(results)).toEqual(['not-applicable']);
    expect(results[0].message).toMatch(/no engine on this host/i);
  });

  it('warns and names the probe status when the engine could not be read', () => {
    const results = rule('5.10').check(
      emptyFacts({ probes: { engine: { status: 'permission-denied', message: 'dial unix /var/run/docker.sock: permission denied' } } }),
    );
    expect(statuses(results)).toEqual(['warn']);
    expect(results[0].evidence[0].detail).toContain('engine: permission-denied');
  });

  it('copes with sparse inspect objects in every section 4-7 rule', () => {
    const sparse = emptyFacts({
      probes: { engine: { status: 'ok' } },
      engine: { host: 'unix:///x', version: {}, info: {}, containers: [{}, { Name: '/a', Config: null, HostConfig: null }], images: [{}], networks: [{}] },
    });
    for (const r of [...section4Rules, ...section5Rules, ...section6Rules, ...section7Rules]) {
      expect(() => r.check(sparse), r.id).not.toThrow();
      expect(() => r.remediate?.(sparse, DEFAULT_PARAMS), r.id).not.toThrow();
    }
  });

  it('is not-applicable when there are no containers', () => {
    expect(statuses(rule('5.13').check(withContainers([])))).toEqual(['not-applicable']);
  });
});

describe('per-container subjects', () => {
  it('names the container without "/" and its compose service and project', () => {
    const [result] = rule('5.5').check(withContainers([container()]));
    expect(result.subject).toEqual({ container: 'shop-web-1', service: 'web', project: 'shop' });
    expect(result.evidence[0]).toMatchObject({ container: 'shop-web-1', service: 'web', project: 'shop' });
  });

  it('fails a stopped (created) privileged container', () => {
    const created = container((c) => {
      c.Name = '/debug';
      c.HostConfig.Privileged = true;
      c.State = { Status: 'created', Running: false };
    });
    const [result] = rule('5.5').check(withContainers([created]));
    expect(result.status).toBe('fail');
    expect(result.subject?.container).toBe('debug');
    expect(result.evidence[0].detail).toBe('HostConfig.Privileged: true');
  });
});

describe('ports (5.8, 5.14)', () => {
  const published = (hostIp: string, hostPort: string) =>
    container((c) => {
      c.HostConfig.PortBindings = { '80/tcp': [{ HostIp: hostIp, HostPort: hostPort }] };
      c.NetworkSettings.Ports = { '80/tcp': [{ HostIp: hostIp, HostPort: hostPort }] };
    });

  it.each(['::', '[::]', '0.0.0.0', ''])('host IP %j listens on every interface', (ip) => {
    const [result] = rule('5.14').check(withContainers([published(ip, '8080')]));
    expect(result.status).toBe('fail');
  });

  it.each(['::', '[::]'])('an IPv6 binding %s of port 443 is a privileged port', (ip) => {
    const [result] = rule('5.8').check(withContainers([published(ip, '443')]));
    expect(result.status).toBe('fail');
    expect(result.evidence[0].detail).toContain('[::]:443');
  });

  it('accepts a port bound to a specific IPv6 address', () => {
    expect(rule('5.14').check(withContainers([published('::1', '8080')]))[0].status).toBe('pass');
  });
});

describe('SELinux (5.3)', () => {
  const check = (opts: string[] | null) => {
    const facts = loadFacts(ruleFixtures('5.3').pass[0]);
    facts.engine!.containers = [container((c) => (c.HostConfig.SecurityOpt = opts))];
    return rule('5.3').check(facts)[0];
  };

  it('does not count seccomp= or apparmor= options as SELinux options', () => {
    expect(check(['seccomp=/etc/docker/seccomp.json', 'apparmor=docker-default']).status).toBe('fail');
  });

  it('fails label=disable and passes a label= option', () => {
    expect(check(['label=disable']).status).toBe('fail');
    expect(check(['label=type:container_t']).status).toBe('pass');
    expect(check(['label:level:s0:c1,c2']).status).toBe('pass');
  });

  it('is not-applicable where the engine has no SELinux support', () => {
    expect(statuses(rule('5.3').check(withContainers([container()])))).toEqual(['not-applicable']);
  });
});

describe('sshd (5.7)', () => {
  const running = (name: string, entrypoint: string[] | null, cmd: string[] | null, image = 'registry.example.com/tools:1') =>
    rule('5.7').check(
      withContainers([
        container((c) => {
          c.Name = `/${name}`;
          c.Config.Entrypoint = entrypoint;
          c.Config.Cmd = cmd;
          c.Config.Image = image;
        }),
      ]),
    )[0];

  it('does not match a container running `grep sshd` or one named sshd-audit', () => {
    expect(running('sshd-audit', null, ['grep', 'sshd', '/var/log/auth.log']).status).toBe('pass');
    expect(running('watch', null, ['sh', '-c', 'pgrep -x sshd || echo none']).status).toBe('pass');
    expect(running('harden', ['docker-harden'], ['audit', '--check', 'sshd']).status).toBe('pass');
    expect(running('x', null, ['/opt/sshd-exporter']).status).toBe('pass');
  });

  it('matches sshd as the executable, through wrappers and shell scripts', () => {
    expect(running('a', null, ['/usr/sbin/sshd', '-D']).status).toBe('fail');
    expect(running('b', ['/sbin/tini', '--'], ['sshd', '-D']).status).toBe('fail');
    expect(running('c', null, ['/bin/sh', '-c', 'ssh-keygen -A && exec /usr/sbin/sshd -D -e']).status).toBe('fail');
    expect(running('d', null, ['bash', '-c', 'while true; do sshd -D; done']).status).toBe('fail');
  });

  it('only warns on an image whose name suggests sshd', () => {
    expect(running('e', null, ['/start.sh'], 'rastasheep/ubuntu-sshd:18.04').status).toBe('warn');
    expect(running('f', null, ['/start.sh'], 'example/sshd-audit:1').status).toBe('pass');
  });
});

describe('no-new-privileges (5.26)', () => {
  const daemonOn = { daemonJson: { path: '/etc/docker/daemon.json', raw: '{"no-new-privileges":true}', parsed: { 'no-new-privileges': true } } };
  const check = (opts: string[] | null, overrides: Partial<HostFacts> = {}) =>
    rule('5.26').check(withContainers([container((c) => (c.HostConfig.SecurityOpt = opts))], overrides))[0];

  it.each([['no-new-privileges'], ['no-new-privileges:true'], ['no-new-privileges=true']])('accepts %s on the container', (opt) => {
    expect(check([opt]).status).toBe('pass');
  });

  it('counts the daemon default from daemon.json or a dockerd flag', () => {
    const result = check(null, daemonOn);
    expect(result.status).toBe('pass');
    expect(result.evidence[0].detail).toContain('/etc/docker/daemon.json: "no-new-privileges": true');
    const flag = check(null, { dockerd: { pid: 1, exe: '/usr/bin/dockerd', argv: ['/usr/bin/dockerd', '--no-new-privileges'] } });
    expect(flag.status).toBe('pass');
  });

  it.each([['no-new-privileges=false'], ['no-new-privileges:false']])('lets %s on the container override the daemon default', (opt) => {
    const result = check([opt], daemonOn);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/overriding the daemon default/);
  });

  it('fails when neither sets it', () => {
    expect(check(['seccomp=unconfined']).status).toBe('fail');
  });
});
