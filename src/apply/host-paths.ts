// Mapping host paths onto the chosen root, and refusing anything that would land outside it
// (a "..", or a symlinked directory pointing elsewhere).
import path from 'node:path';
import { realpathSync, readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';

export function resolveUnderRoot(root: string, hostPath: string): string {
  if (!path.isAbsolute(hostPath) || hostPath.split('/').includes('..') || hostPath.includes('\0')) {
    throw new UserError(`Refusing the path ${JSON.stringify(hostPath)}: it is not a plain absolute path.`);
  }
  const realRoot = realpathSync(root);
  const target = path.join(realRoot, hostPath);
  // Walk up to the deepest existing ancestor and make sure its real location stays in the root.
  let probe = path.dirname(target);
  for (;;) {
    try {
      const real = realpathSync(probe);
      if (real !== realRoot && !real.startsWith(realRoot === '/' ? '/' : realRoot + path.sep)) {
        throw new UserError(`Refusing to write ${hostPath}: ${probe} leads outside the root ${root}.`);
      }
      break;
    } catch (err) {
      if (err instanceof UserError) throw err;
      const parent = path.dirname(probe);
      if (parent === probe) break;
      probe = parent;
    }
  }
  return target;
}

/** uid/gid for names, read from the root's passwd/group, then the running system's. */
export function lookupId(root: string, kind: 'user' | 'group', name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  if (/^\d+$/.test(name)) return Number(name);
  if (name === 'root') return 0;
  const file = kind === 'user' ? 'etc/passwd' : 'etc/group';
  for (const base of [root, '/']) {
    try {
      for (const line of readFileSync(path.join(base, file), 'utf8').split('\n')) {
        const fields = line.split(':');
        if (fields[0] === name && fields[2] !== undefined) return Number(fields[2]);
      }
    } catch { /* no such file under this root */ }
  }
  throw new UserError(`The ${kind} "${name}" does not exist on this host.`, `Create it first (for the docker group: groupadd docker), then run again.`);
}
