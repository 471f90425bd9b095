// Probe 'mounts': the filesystem that holds the data root (CIS 1.1.1 wants its own partition),
// from mountinfo: the mount with the longest mount point that is a prefix of the data root.
import type { MountFacts } from '../facts/host-facts.js';
import { readHostText, resolveHostPath, type ResolveError } from './host-fs.js';
import { probed, type Probed } from './probe.js';
import { hostReader, type HostAccess } from './host-reader.js';

export interface MountEntry extends MountFacts {
  /** major:minor of the filesystem. */
  deviceNumber: string;
}

export async function probeMounts(host: HostAccess, dataRoot: string): Promise<Probed<MountFacts | null>> {
  const reader = hostReader(host);
  const root = reader.root;
  let text: string;
  try {
    // For --root, a saved /proc/self/mountinfo under the root stands in for the live one.
    text = root === '/' ? await reader.readProc('/proc/self/mountinfo') : await readRootMountinfo(reader);
  } catch {
    return probed(null, 'missing', root === '/' ? '/proc/self/mountinfo could not be read' : 'no proc/self/mountinfo under --root');
  }
  // A data root that does not exist yet still lands where its symlinked parents lead.
  const real = await resolveHostPath(reader, dataRoot).then(
    (r) => r.path,
    (err: ResolveError) => err.resolvedPath ?? dataRoot,
  );
  const mount = mountFor(parseMountinfo(text), real);
  if (!mount) return probed(null, 'error', `no mount holds ${dataRoot}`);
  const same = mount.filesystemMountPoint !== mount.mountPoint ? `, same filesystem as ${mount.filesystemMountPoint}` : '';
  return probed(mount, 'ok', `${dataRoot} is on ${mount.mountPoint} (${mount.device}, ${mount.fsType}${same})`);
}

async function readRootMountinfo(root: HostAccess): Promise<string> {
  const read = await readHostText(root, '/proc/self/mountinfo');
  if (read.content === null) throw new Error(read.message);
  return read.content;
}

export function parseMountinfo(text: string): MountEntry[] {
  const mounts: MountEntry[] = [];
  for (const line of text.split('\n')) {
    // id parent major:minor root mount-point options [optional...] - fstype source super-options
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (fields.length < 7 || dash < 6) continue;
    mounts.push({ mountPoint: unescapeOctal(fields[4]), device: unescapeOctal(fields[dash + 2] ?? ''), fsType: fields[dash + 1], deviceNumber: fields[2] });
  }
  return mounts;
}

/** The mount holding `p` (the last of equal mount points is the one on top), with its filesystem's first mount point. */
export function mountFor(mounts: readonly MountEntry[], p: string): MountFacts | null {
  let best: MountEntry | null = null;
  for (const m of mounts) {
    const inside = m.mountPoint === '/' || p === m.mountPoint || p.startsWith(m.mountPoint + '/');
    if (inside && (!best || m.mountPoint.length >= best.mountPoint.length)) best = m;
  }
  if (!best) return null;
  const sameFs = mounts.filter((m) => m.deviceNumber === best.deviceNumber).map((m) => m.mountPoint);
  const first = sameFs.reduce((a, b) => (b.length < a.length ? b : a), best.mountPoint);
  return { mountPoint: best.mountPoint, device: best.device, fsType: best.fsType, filesystemMountPoint: first };
}

/** mountinfo writes space, tab, newline and backslash as octal escapes. */
function unescapeOctal(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}
