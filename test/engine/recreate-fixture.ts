// What the recreate engine tests share: a backup set to record into (under a temporary root), and
// RecreateStep bodies built by hand from a container's inspect data: a copy with the section-5
// fixes the tests look for (no capabilities, a read-only root with tmpfs, no new privileges, ports
// on 127.0.0.1), its volumes mounted by name so the same data is there.
import { createBackupDir, writeManifest } from '../../src/apply/backup-set.js';
import type { RecreateStep } from '../../src/plan-model/recreate.js';
import { docker, type PrivateEngine } from '../support/private-engine.js';

/** docker inspect's answer, read loosely as the other engine tests do. */
export const inspect = (engine: PrivateEngine, ref: string) => JSON.parse(docker(engine, ['inspect', ref]))[0];
export type Inspect = ReturnType<typeof inspect>;

/** A backup set as apply leaves it before its recreates: made for this engine, no files. */
export async function newSet(root: string, id: string, endpoint: string): Promise<string> {
  const dir = await createBackupDir(root, id);
  await writeManifest(dir, {
    version: 1,
    id,
    createdAt: new Date().toISOString(),
    profile: 'strict',
    state: 'applied',
    files: [],
    permissions: [],
    steps: [],
    endpoint,
  });
  return id;
}

export interface Hardening {
  readOnly?: boolean;
  /** Extra HostConfig fields (Memory, ...). */
  host?: Record<string, unknown>;
  gateSeconds?: number;
}

export function hardenedStep(old: Inspect, h: Hardening = {}): RecreateStep {
  const ports: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const [port, binds] of Object.entries((old.HostConfig.PortBindings ?? {}) as Record<string, { HostPort: string }[]>))
    ports[port] = binds.map((b) => ({ HostIp: '127.0.0.1', HostPort: b.HostPort }));
  const volumes = (old.Mounts as { Type: string; Name?: string; Destination: string }[])
    .filter((m) => m.Type === 'volume')
    .map((m) => `${m.Name}:${m.Destination}`);
  const name = String(old.Name).replace(/^\//, '');
  const create = {
    Image: old.Image,
    Cmd: old.Config.Cmd,
    Entrypoint: old.Config.Entrypoint,
    Env: old.Config.Env,
    Labels: old.Config.Labels,
    ExposedPorts: old.Config.ExposedPorts,
    HostConfig: {
      NetworkMode: old.HostConfig.NetworkMode,
      PortBindings: ports,
      Binds: volumes,
      RestartPolicy: old.HostConfig.RestartPolicy,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      ...(h.readOnly === false ? {} : { ReadonlyRootfs: true, Tmpfs: { '/tmp': '', '/run': '' } }),
      ...h.host,
    },
  };
  return {
    id: `recreate:${name}`,
    container: { id: old.Id, name, running: old.State.Running, image: old.Image },
    create,
    networks: {},
    gateSeconds: h.gateSeconds ?? 2,
    closes: ['5.4', '5.13', '5.14', '5.26'],
    runDiff: { before: [], after: [] },
  };
}

/** The containers whose name starts with `prefix`, as "name state" lines, sorted. */
export function containersNamed(engine: PrivateEngine, prefix: string): string[] {
  return docker(engine, ['ps', '-a', '--filter', `name=^/${prefix}`, '--format', '{{.Names}} {{.State}}'])
    .split('\n')
    .filter(Boolean)
    .sort();
}
