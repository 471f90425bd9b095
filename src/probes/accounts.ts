// Users and groups of the inspected root, read from its /etc/passwd and /etc/group (not from the
// machine running the tool, which may be a different system under --root).
import { readHostText } from './host-fs.js';
import type { HostAccess } from './host-reader.js';

export interface Account {
  name: string;
  id: number;
  /** passwd: the primary group id; group: unused (same as id). */
  gid: number;
  /** group: the listed members; passwd: []. */
  members: string[];
}

export interface Accounts {
  users: Account[] | null;
  groups: Account[] | null;
  userName(uid: number): string | undefined;
  groupName(gid: number): string | undefined;
}

export function parseAccountFile(content: string, kind: 'passwd' | 'group'): Account[] {
  const out: Account[] = [];
  for (const line of content.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split(':');
    const id = Number(fields[2]);
    if (!fields[0] || !Number.isInteger(id)) continue;
    if (kind === 'passwd') {
      out.push({ name: fields[0], id, gid: Number(fields[3]), members: [] });
    } else {
      const members = (fields[3] ?? '')
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean);
      out.push({ name: fields[0], id, gid: id, members });
    }
  }
  return out;
}

export async function readAccounts(root: HostAccess): Promise<Accounts> {
  const [passwd, group] = await Promise.all([readHostText(root, '/etc/passwd'), readHostText(root, '/etc/group')]);
  const users = passwd.content === null ? null : parseAccountFile(passwd.content, 'passwd');
  const groups = group.content === null ? null : parseAccountFile(group.content, 'group');
  // The first entry wins, as getpwuid() returns it.
  const userById = new Map<number, string>();
  for (const u of users ?? []) if (!userById.has(u.id)) userById.set(u.id, u.name);
  const groupById = new Map<number, string>();
  for (const g of groups ?? []) if (!groupById.has(g.id)) groupById.set(g.id, g.name);
  return { users, groups, userName: (uid) => userById.get(uid), groupName: (gid) => groupById.get(gid) };
}

/** Everyone in a group: its listed members plus the users whose primary group it is. */
export function groupMembers(accounts: Accounts, name: string): string[] | null {
  const group = accounts.groups?.find((g) => g.name === name);
  if (!group) return null;
  const members = new Set(group.members);
  for (const u of accounts.users ?? []) if (u.gid === group.id) members.add(u.name);
  return [...members].sort();
}
