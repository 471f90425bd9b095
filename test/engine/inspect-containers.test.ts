// The engine probe against the private dockerd: for containers with risky settings, the facts
// must hold exactly what `docker inspect` reports, for running and stopped containers alike.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { describeEngine } from '../support/engine.js';
import { docker } from '../support/private-engine.js';
import { inspectHost } from '../../src/probes/inspect-host.js';
import type { EngineObject, HostFacts } from '../../src/facts/host-facts.js';

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '::');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describeEngine('inspect: containers as the engine reports them', (engine) => {
  const id = randomBytes(3).toString('hex');
  const name = (n: string) => `dh-insp-${id}-${n}`;
  const network = `dh-insp-${id}`;
  const created: string[] = [];
  let facts: HostFacts;
  let ports: [number, number];

  beforeAll(async () => {
    ports = [await freePort(), await freePort()];
    docker(engine, ['network', 'create', network]);
    const img = engine.image;
    const run = (n: string, ...args: string[]) => {
      created.push(name(n));
      docker(engine, ['run', '-d', '--name', name(n), '--cap-drop', 'ALL', ...args]);
    };
    created.push(name('privileged'));
    docker(engine, ['create', '--name', name('privileged'), '--privileged', img, 'sleep', '300']);
    run('hostnet', '--network', 'host', img, 'sleep', '300');
    run('hostpid', '--network', 'none', '--pid', 'host', img, 'sleep', '300');
    run('hostipc', '--network', 'none', '--ipc', 'host', img, 'sleep', '300');
    run('etc', '--network', 'none', '-v', '/etc:/host-etc', img, 'sleep', '300');
    run(
      'ports',
      '--network',
      network,
      '-p',
      `0.0.0.0:${ports[0]}:80`,
      '-p',
      `[::]:${ports[1]}:80`,
      '--cap-add',
      'NET_BIND_SERVICE',
      img,
      'httpd',
      '-f',
      '-p',
      '80',
    );
    run('nolimit', '--network', 'none', img, 'sleep', '300');
    run('limited', '--network', 'none', '--memory', '64m', img, 'sleep', '300');
    facts = await inspectHost({ root: '/', dockerHost: engine.host });
  });

  afterAll(() => {
    if (created.length) docker(engine, ['rm', '-f', ...created]);
    docker(engine, ['network', 'rm', network]);
  });

  const fromFacts = (n: string): EngineObject => {
    const found = facts.engine!.containers.find((c) => c.Name === `/${name(n)}`);
    expect(found, `container ${name(n)} in facts`).toBeDefined();
    return found!;
  };
  const fromCli = (n: string): EngineObject => JSON.parse(docker(engine, ['inspect', name(n)]))[0];

  it('reports the engine itself', () => {
    expect(facts.probes.engine?.status).toBe('ok');
    expect(facts.engine!.host).toBe(engine.host);
    expect(facts.engine!.version.ApiVersion).toBe(docker(engine, ['version', '--format', '{{.Server.APIVersion}}']));
    expect(facts.engine!.info.DockerRootDir).toBe(docker(engine, ['info', '--format', '{{.DockerRootDir}}']));
    expect(facts.engine!.networks.map((n) => n.Name)).toContain(network);
  });

  it('includes stopped containers with their full inspect data', () => {
    const priv = fromFacts('privileged');
    expect(priv.State.Status).toBe('created');
    expect(priv).toEqual(fromCli('privileged'));
    const ids = docker(engine, ['ps', '-aq', '--no-trunc', '--filter', `name=dh-insp-${id}-`]).split('\n');
    expect(ids).toHaveLength(created.length);
    for (const cid of ids) expect(facts.engine!.containers.map((c) => c.Id)).toContain(cid);
  });

  it.each([
    ['privileged', 'Privileged', true],
    ['hostnet', 'NetworkMode', 'host'],
    ['hostpid', 'PidMode', 'host'],
    ['hostipc', 'IpcMode', 'host'],
    ['etc', 'Binds', ['/etc:/host-etc']],
    ['nolimit', 'Memory', 0],
    ['limited', 'Memory', 64 * 1024 * 1024],
  ])('%s: HostConfig.%s is what docker inspect says', (n, field, expected) => {
    const ours = fromFacts(n).HostConfig[field];
    expect(ours).toEqual(fromCli(n).HostConfig[field]);
    expect(ours).toEqual(expected);
  });

  it('keeps the bind mount of /etc read-write, as docker inspect shows it', () => {
    const ours = fromFacts('etc').Mounts;
    expect(ours).toEqual(fromCli('etc').Mounts);
    expect(ours).toEqual([expect.objectContaining({ Type: 'bind', Source: '/etc', Destination: '/host-etc', RW: true })]);
  });

  it('keeps IPv4 and IPv6 port bindings', () => {
    const ours = fromFacts('ports');
    const cli = fromCli('ports');
    expect(ours.HostConfig.PortBindings).toEqual(cli.HostConfig.PortBindings);
    expect(ours.HostConfig.PortBindings).toEqual({
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: String(ports[0]) },
        { HostIp: '::', HostPort: String(ports[1]) },
      ],
    });
    const sortBindings = (b: { HostIp: string }[]) => [...b].sort((x, y) => x.HostIp.localeCompare(y.HostIp));
    expect(sortBindings(ours.NetworkSettings.Ports['80/tcp'])).toEqual(sortBindings(cli.NetworkSettings.Ports['80/tcp']));
    expect(ours.State.Running).toBe(true);
  });

  it('reads the same engine over tcp://', async () => {
    // A plain TCP relay to the private socket stands in for a daemon listening on -H tcp://.
    const relay = net.createServer((c) => c.pipe(net.connect(engine.socket)).pipe(c)).listen(0, '127.0.0.1');
    await new Promise((r) => relay.once('listening', r));
    try {
      const port = (relay.address() as net.AddressInfo).port;
      const overTcp = await inspectHost({ root: '/', dockerHost: `tcp://127.0.0.1:${port}` });
      expect(overTcp.engine!.host).toBe(`tcp://127.0.0.1:${port}`);
      const ids = (f: HostFacts) =>
        f.engine!.containers.map((c) => c.Id).filter((cid) => facts.engine!.containers.some((o) => o.Id === cid && o.Name.startsWith(`/dh-insp-${id}-`)));
      expect(ids(overTcp).sort()).toEqual(ids(facts).sort());
      expect(ids(overTcp)).toHaveLength(created.length);
    } finally {
      relay.close();
    }
  });

  it('keeps image user, healthcheck, tags and history', () => {
    const image = facts.engine!.images.find((i) => (i.RepoTags ?? []).includes(engine.image));
    expect(image).toBeDefined();
    const cli = JSON.parse(docker(engine, ['image', 'inspect', engine.image]))[0];
    expect(image!.Config.User).toBe(cli.Config.User);
    expect(image!.Config.Healthcheck).toEqual(cli.Config.Healthcheck);
    expect(image!.RepoDigests).toEqual(cli.RepoDigests);
    const history = docker(engine, ['history', '-q', '--no-trunc', engine.image]).split('\n');
    expect(image!.History.map((h: { Id: string }) => h.Id)).toEqual(history);
  });
});
