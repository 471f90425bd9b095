// Container inspect data as Engine 20.10 (API 1.41) reports it, trimmed to what the plan reads,
// for the pure recreate tests. Each container starts as a busybox on the default bridge.
import type { EngineObject, HostFacts } from '../../../src/facts/host-facts.js';
import { emptyFacts } from '../../../src/facts/empty-facts.js';

export const IMAGE_ID = 'sha256:1f0c5d2b9a8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c';

export function container(name: string, change: (c: EngineObject) => void = () => {}): EngineObject {
  const id = `${name.padEnd(12, '0').slice(0, 12)}${'a'.repeat(52)}`;
  const c: EngineObject = {
    Id: id,
    Name: `/${name}`,
    Image: IMAGE_ID,
    State: { Status: 'running', Running: true },
    AppArmorProfile: '',
    Config: {
      Hostname: id.slice(0, 12),
      User: '',
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Cmd: ['httpd', '-f', '-p', '8080'],
      Image: 'local/busybox:1',
      WorkingDir: '',
      Entrypoint: null,
      Labels: {},
      ExposedPorts: { '8080/tcp': {} },
    },
    HostConfig: {
      Binds: null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: 'default',
      PortBindings: {},
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      AutoRemove: false,
      CapAdd: null,
      CapDrop: null,
      Dns: [],
      ExtraHosts: null,
      IpcMode: 'private',
      PidMode: '',
      Privileged: false,
      ReadonlyRootfs: false,
      SecurityOpt: null,
      UTSMode: '',
      UsernsMode: '',
      CpuShares: 0,
      Memory: 0,
      MemorySwap: 0,
      PidsLimit: null,
      Devices: [],
      Ulimits: null,
      MaskedPaths: ['/proc/asound', '/proc/kcore'],
      ReadonlyPaths: ['/proc/bus', '/proc/sys'],
    },
    Mounts: [],
    NetworkSettings: {
      Ports: {},
      Networks: { bridge: { IPAMConfig: null, Links: null, Aliases: null, NetworkID: 'n1', IPAddress: '172.17.0.2', MacAddress: '02:42:ac:11:00:02' } },
    },
  };
  change(c);
  return c;
}

/** `docker run -d --cap-add ALL -p 0.0.0.0:8080:8080 busybox httpd -f -p 8080`: default bridge, writable root. */
export const httpd = (name = 'web') =>
  container(name, (c) => {
    c.HostConfig.CapAdd = ['ALL'];
    c.HostConfig.PortBindings = { '8080/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] };
    c.NetworkSettings.Ports = { '8080/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] };
  });

export function hostFacts(containers: EngineObject[], images: string[] = [IMAGE_ID]): HostFacts {
  return emptyFacts({
    engine: {
      host: 'unix:///var/run/docker.sock',
      version: { Version: '20.10.24', ApiVersion: '1.41' },
      info: { SecurityOptions: ['name=seccomp,profile=default'] },
      containers,
      images: images.map((Id) => ({ Id, RepoTags: ['local/busybox:1'], Config: {} })),
      networks: [],
    },
  });
}
