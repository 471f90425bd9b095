// Mapping host paths onto the chosen root, and refusing anything that would land outside it:
// a "..", a relative path, a component that is a symlink leading out of the root, or (for the
// thing itself) a symlink at all, since chmod, chown and reads would follow it anywhere.
import path from 'node:path';
import { realpathSync, readFileSync, lstatSync, readlinkSync, type Stats } from 'node:fs';
import { UserError } from '../core/errors.js';
import { assertPlainHostPath } from '../core/host-path.js';

/** What the caller is about to do with the path; it decides which file types are acceptable. */
export type PathUse = 'write' | 'permissions' | 'remove-dir';

export interface ConfinedPath {
  /** Absolute path with every existing parent resolved, inside the real root. */
  abs: string;
  /** lstat of the last component, or null when it does not exist. */
  stat: Stats | null;
}

const inside = (realRoot: string, real: string) => real === realRoot || real.startsWith(realRoot === '/' ? '/' : realRoot + path.sep);

/**
 * Walk `hostPath` component by component under the real root with lstat. A symlinked parent is
 * accepted only when its real location stays in the root; a missing component ends the walk
 * (the rest will be created inside the deepest existing directory).
 */
export function resolveUnderRoot(root: string, hostPath: string): string {
  return walk(root, hostPath).abs;
}

/** resolveUnderRoot, plus a check of the last component for the given use: never a symlink. */
export function confinedPath(root: string, hostPath: string, use: PathUse): ConfinedPath {
  const found = walk(root, hostPath);
  const st = found.stat;
  if (!st) return found;
  const refuse = (why: string) => {
    throw new UserError(`Refusing to ${USE_VERB[use]} ${hostPath}: ${why}; nothing was changed.`, HINT);
  };
  if (st.isSymbolicLink()) refuse(`it is a symbolic link (to ${JSON.stringify(readlinkSync(found.abs))}), and links are never followed`);
  const ok = use === 'write' ? st.isFile() : use === 'remove-dir' ? st.isDirectory() : st.isFile() || st.isDirectory() || st.isSocket();
  if (!ok) refuse(`it is ${describeType(st)}`);
  return found;
}

const USE_VERB: Record<PathUse, string> = { write: 'write', permissions: 'change the owner or mode of', 'remove-dir': 'remove the directory' };
const HINT = 'Replace the link or special file with the real file (inside the root), or waive the rule in the profile, then run again.';

function walk(root: string, hostPath: string): ConfinedPath {
  assertPlainHostPath(hostPath);
  const realRoot = realRootOf(root);
  const parts = hostPath.split('/').filter(Boolean);
  let dir = realRoot;
  for (const [i, name] of parts.entries()) {
    const next = path.join(dir, name);
    const st = lstatOrNull(next, hostPath);
    if (!st) return { abs: path.join(next, ...parts.slice(i + 1)), stat: null };
    if (i === parts.length - 1) return { abs: next, stat: st };
    if (st.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(next);
      } catch {
        throw new UserError(`Refusing ${hostPath}: ${next} is a symbolic link that leads nowhere; nothing was changed.`, HINT);
      }
      if (!inside(realRoot, real))
        throw new UserError(`Refusing ${hostPath}: ${next} is a symbolic link that leads outside the root ${root}; nothing was changed.`, HINT);
      dir = real;
    } else dir = next;
  }
  return { abs: realRoot, stat: lstatOrNull(realRoot, hostPath) };
}

function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch (err) {
    throw new UserError(`The root ${root} cannot be used (${(err as NodeJS.ErrnoException).code}).`, 'Pass --root an existing directory.');
  }
}

function lstatOrNull(abs: string, hostPath: string): Stats | null {
  try {
    return lstatSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new UserError(
      `Cannot reach ${hostPath} (${code}: a part of it is not a directory or cannot be read).`,
      'Run as root, or pass --root DIR for a copy of the host files.',
    );
  }
}

function describeType(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** uid/gid for names, read from the root's passwd/group, then the running system's. */
export function lookupId(root: string, kind: 'user' | 'group', name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  if (/^\d+$/.test(name)) return Number(name);
  if (name === 'root') return 0;
  const file = kind === 'user' ? 'etc/passwd' : 'etc/group';
  for (const base of [root, '/']) {
    // Only a regular file is read: a FIFO planted there would block the read forever.
    if (!lstatSync(path.join(base, file), { throwIfNoEntry: false })?.isFile()) continue;
    try {
      for (const line of readFileSync(path.join(base, file), 'utf8').split('\n')) {
        const fields = line.split(':');
        if (fields[0] === name && fields[2] !== undefined) return Number(fields[2]);
      }
    } catch {
      /* no such file under this root */
    }
  }
  throw new UserError(`The ${kind} "${name}" does not exist on this host.`, `Create it first (for the docker group: groupadd docker), then run again.`);
}
