// Host state some daemon settings need before dockerd can run with them: subordinate id ranges
// for userns-remap (the root's /etc/subuid and /etc/subgid) and the br_netfilter module that
// icc: false and userland-proxy: false need on Docker 28+. Never throws.
import type { DaemonPrerequisites, SubordinateIdRange } from '../facts/host-facts.js';
import type { Accounts } from './accounts.js';
import { readHostText } from './host-fs.js';
import { hostReader, type HostAccess, type HostReader } from './host-reader.js';

export async function probeDaemonPrerequisites(host: HostAccess, accounts: Accounts): Promise<DaemonPrerequisites> {
  const root = hostReader(host);
  const [subuid, subgid, brNetfilter] = await Promise.all([
    readRanges(root, '/etc/subuid', accounts),
    readRanges(root, '/etc/subgid', accounts),
    // Kernel state belongs to the machine that runs the tool, not to a system under --root.
    root.root === '/' ? brNetfilterLoaded(root) : Promise.resolve(null),
  ]);
  return { subuid, subgid, brNetfilter };
}

async function readRanges(root: HostReader, file: string, accounts: Accounts): Promise<SubordinateIdRange[] | null> {
  const read = await readHostText(root, file);
  return read.content === null ? null : parseSubordinateIds(read.content, accounts);
}

/** Lines "owner:start:count", the owner a user name or uid, each resolved the other way where /etc/passwd knows it. */
export function parseSubordinateIds(text: string, accounts: Pick<Accounts, 'users'>): SubordinateIdRange[] {
  const out: SubordinateIdRange[] = [];
  for (const line of text.split('\n')) {
    const [owner, start, count] = line.trim().split(':');
    if (!owner || owner.startsWith('#') || !/^\d+$/.test(start ?? '') || !/^\d+$/.test(count ?? '')) continue;
    const numeric = /^\d+$/.test(owner);
    const user = accounts.users?.find((u) => (numeric ? u.id === Number(owner) : u.name === owner));
    out.push({
      owner,
      ...(numeric ? { uid: Number(owner), ...(user ? { name: user.name } : {}) } : { name: owner, ...(user ? { uid: user.id } : {}) }),
      start: Number(start),
      count: Number(count),
    });
  }
  return out;
}

/** Loaded as a module, or built in (then /proc/sys/net/bridge exists). */
async function brNetfilterLoaded(host: HostReader): Promise<boolean | null> {
  const access = (p: string) => host.stat(p);
  const modules = await host.readProc('/proc/modules').catch(() => null);
  if (modules !== null && /^br_netfilter\s/m.test(modules)) return true;
  const sysctl = await access('/proc/sys/net/bridge').then(
    () => true,
    () => false,
  );
  if (sysctl) return true;
  // Without /proc/modules (a kernel without module support) the sysctl directory is the only sign.
  return modules === null &&
    !(await access('/proc/sys/net').then(
      () => true,
      () => false,
    ))
    ? null
    : false;
}
