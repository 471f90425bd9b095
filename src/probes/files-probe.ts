// Probe 'files': owner, group and mode of every Docker path CIS cares about. Symlinks are followed
// to the object they name (recorded as realPath), and for each missing path its nearest existing
// ancestors are recorded too, because an audit watch under a missing parent breaks auditctl.
import path from 'node:path';
import type { FileStat } from '../facts/host-facts.js';
import type { Accounts } from './accounts.js';
import { resolveHostPath, type ResolveError } from './host-fs.js';
import { hostReader, type HostAccess, type HostDirEntry } from './host-reader.js';
import { mapLimit, probed, stateForError, type Probed } from './probe.js';

export const CERTS_DIR = '/etc/docker/certs.d';

export async function probeFiles(host: HostAccess, paths: readonly string[], accounts: Accounts): Promise<Probed<Record<string, FileStat>>> {
  const root = hostReader(host);
  const files: Record<string, FileStat> = {};
  const wanted = [...paths, ...(await listTree(root, CERTS_DIR))];
  const stats = await mapLimit(wanted, 32, (p) => statHostPath(root, p, accounts));
  for (const [i, p] of wanted.entries()) files[p] = stats[i];
  for (const p of wanted) {
    if (files[p].exists || files[p].error) continue;
    for (let dir = path.posix.dirname(p); dir !== '/' && !(dir in files); dir = path.posix.dirname(dir)) {
      files[dir] = await statHostPath(root, dir, accounts);
      if (files[dir].exists || files[dir].error) break;
    }
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  const present = wanted.filter((p) => files[p].exists).length;
  const denied = Object.keys(sorted).filter((p) => sorted[p].error === 'permission-denied');
  const summary = `${present} of ${wanted.length} Docker paths exist`;
  if (denied.length > 0) return probed(sorted, 'permission-denied', `${summary}; not examined (permission denied): ${denied.join(', ')}`);
  if (present === 0) return probed(sorted, 'missing', `none of the ${wanted.length} Docker paths exists`);
  return probed(sorted, 'ok', summary);
}

export async function statHostPath(host: HostAccess, p: string, accounts: Accounts): Promise<FileStat> {
  const root = hostReader(host);
  let real: string;
  try {
    real = (await resolveHostPath(root, p)).path;
  } catch (err) {
    return missing(p, err);
  }
  try {
    const st = await root.lstat(real);
    const stat: FileStat = {
      exists: true,
      type: st.type === 'symlink' ? 'other' : st.type,
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
    };
    const owner = accounts.userName(st.uid);
    const group = accounts.groupName(st.gid);
    if (owner !== undefined) stat.owner = owner;
    if (group !== undefined) stat.group = group;
    if (real !== p) stat.realPath = real;
    return stat;
  } catch (err) {
    return missing(p, err);
  }
}

function missing(p: string, err: unknown): FileStat {
  const state = stateForError(err);
  const stat: FileStat = { exists: false };
  if (state !== 'missing') stat.error = state;
  // A dangling symlink: say where it points, so a fix can create the right file.
  const resolved = (err as ResolveError).resolvedPath;
  if (resolved && resolved !== p) stat.realPath = resolved;
  return stat;
}

/** Every non-directory entry under a host directory (registry certificates live in subdirectories). */
async function listTree(root: ReturnType<typeof hostReader>, dir: string): Promise<string[]> {
  let real: string;
  try {
    real = (await resolveHostPath(root, dir)).path;
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = async (hostDir: string, shown: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    let entries: HostDirEntry[];
    try {
      entries = await root.readdir(hostDir);
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.directory) await walk(`${hostDir}/${e.name}`, `${shown}/${e.name}`, depth + 1);
      else out.push(`${shown}/${e.name}`);
    }
  };
  await walk(real, dir, 0);
  return out;
}
