// Probe 'systemd': docker.service and docker.socket with their drop-ins, read straight from the
// unit search path under the root, because systemctl is absent in containers, chroots and images.
import type { SystemdUnitFacts, TextFile } from '../facts/host-facts.js';
import { listHostDir, readHostText, resolveHostPath } from './host-fs.js';
import { probed, type Probed } from './probe.js';
import type { HostAccess } from './host-reader.js';

/** systemd's system unit search path, highest priority first. */
export const UNIT_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/usr/local/lib/systemd/system', '/usr/lib/systemd/system', '/lib/systemd/system'];

export interface SystemdFacts {
  service: SystemdUnitFacts | null;
  socket: SystemdUnitFacts | null;
}

export async function probeSystemd(root: HostAccess): Promise<Probed<SystemdFacts>> {
  const [service, socket] = await Promise.all([readUnit(root, 'docker.service'), readUnit(root, 'docker.socket')]);
  const value = { service: service.unit, socket: socket.unit };
  const problems = [service.problem, socket.problem].filter((p): p is string => !!p);
  if (!value.service && !value.socket) {
    return problems.length > 0 ? probed(value, 'permission-denied', problems.join('; ')) : probed(value, 'missing', 'no docker.service or docker.socket unit');
  }
  const describe = (name: string, u: SystemdUnitFacts | null) =>
    u ? `${name} ${u.path}${u.dropIns.length ? ` (+${u.dropIns.length} drop-in${u.dropIns.length === 1 ? '' : 's'})` : ''}` : `no ${name}`;
  return probed(value, 'ok', [describe('docker.service', value.service), describe('docker.socket', value.socket), ...problems].join(', '));
}

export async function readUnit(root: HostAccess, name: string): Promise<{ unit: SystemdUnitFacts | null; problem?: string }> {
  let fragment: TextFile | null = null;
  let problem: string | undefined;
  for (const dir of UNIT_DIRS) {
    const file = `${dir}/${name}`;
    const read = await readHostText(root, file);
    if (read.content === null) {
      if (read.state === 'permission-denied') problem ??= read.message;
      continue;
    }
    // A unit linked to /dev/null is masked: systemd will not start it.
    const real = await resolveHostPath(root, file);
    if (real.path === '/dev/null') break;
    // systemd reports an alias symlink by the file it points to.
    fragment = { path: real.path, content: read.content };
    break;
  }
  if (!fragment) return { unit: null, problem };
  return { unit: { path: fragment.path, content: fragment.content, dropIns: await readDropIns(root, name) }, problem };
}

/** <dir>/<unit>.d/*.conf from every unit dir; a file name in a higher-priority dir hides the same name below. */
async function readDropIns(root: HostAccess, name: string): Promise<TextFile[]> {
  const byName = new Map<string, string>();
  for (const dir of UNIT_DIRS) {
    for (const entry of await listHostDir(root, `${dir}/${name}.d`)) {
      if (entry.endsWith('.conf') && !byName.has(entry)) byName.set(entry, `${dir}/${name}.d/${entry}`);
    }
  }
  const files = await Promise.all(
    [...byName]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(async ([, file]) => {
        const read = await readHostText(root, file);
        return read.content === null ? null : { path: file, content: read.content };
      }),
  );
  return files.filter((f): f is TextFile => f !== null);
}
