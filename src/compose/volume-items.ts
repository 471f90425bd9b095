// A service's volume entries with what the runtime items need to know about each: a sensitive
// host directory (5.6), the Docker socket or a directory holding it (5.32), shared propagation (5.20).
import type { HostFacts } from '../facts/host-facts.js';
import { isSensitiveSource } from '../rules/section5/5-6-no-sensitive-host-mounts.js';
import { daemonSockets } from '../rules/section5/5-32-docker-socket-not-mounted.js';
import type { ServiceDef } from './merge-services.js';
import { asList } from './merge-services.js';
import { isDockerSocketBind, isSocketDirectoryBind, parseVolume, type VolumeSpec } from './volumes.js';

export interface VolumeItem {
  entry: unknown;
  spec: VolumeSpec;
  sensitive: boolean;
  socket: boolean;
  socketDir: boolean;
  /** Propagation options as written ("rshared", "" when none). */
  propagation: string;
}

function propagationOf(entry: unknown): string {
  if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
    const bind = (entry as Record<string, any>).bind;
    return String(bind?.propagation ?? '');
  }
  return String(entry).split(':')[2] ?? '';
}

export function volumeItems(ctx: { def: ServiceDef; facts: HostFacts; projectDir: string | null }): VolumeItem[] {
  const sockets = new Set(daemonSockets(ctx.facts));
  const out: VolumeItem[] = [];
  for (const entry of asList(ctx.def.volumes)) {
    const spec = parseVolume(entry, ctx.projectDir);
    if (!spec) continue;
    const bindSource = spec.kind === 'bind' ? spec.source : null;
    const socket = isDockerSocketBind(spec, sockets);
    out.push({
      entry,
      spec,
      sensitive: bindSource !== null && isSensitiveSource(bindSource),
      socket,
      socketDir: !socket && isSocketDirectoryBind(spec),
      propagation: propagationOf(entry),
    });
  }
  return out;
}
