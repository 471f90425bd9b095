// Reading host files under --root. Absolute symlinks are resolved inside the root (as a chroot
// would), so /var/run -> /run inside an image never escapes to the machine running the tool.
import { stateForError } from './probe.js';
import type { ProbeState } from '../facts/host-facts.js';
import { INPUT_LIMITS, InputFileError } from '../core/read-input.js';
import { hostReader, type HostAccess } from './host-reader.js';

export { underRoot } from './host-reader.js';

export type ReadResult = { content: string } | { content: null; state: ProbeState; message: string };

/**
 * A host text file, or why it could not be read (never throws). A FIFO, device or socket where a
 * config file should be is reported as an error without being opened; reads stop at 4 MiB.
 */
export async function readHostText(host: HostAccess, p: string): Promise<ReadResult> {
  try {
    const reader = hostReader(host);
    const real = await resolveHostPath(reader, p);
    return { content: await reader.readText(real.path, INPUT_LIMITS.text) };
  } catch (err) {
    const state = stateForError(err);
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      err instanceof InputFileError
        ? `${p} ${err.message}`
        : state === 'missing'
          ? `${p} does not exist`
          : state === 'permission-denied'
            ? `${p} is not readable`
            : `${p}: ${code ?? String(err)}`;
    return { content: null, state, message };
  }
}

/** Names in a host directory, sorted; [] when it does not exist or cannot be listed. */
export async function listHostDir(host: HostAccess, dir: string): Promise<string[]> {
  return (await readHostDir(host, dir)).names;
}

/** Names in a host directory, sorted, or why it could not be listed. */
export async function readHostDir(host: HostAccess, dir: string): Promise<{ names: string[]; state?: ProbeState }> {
  try {
    const reader = hostReader(host);
    const real = await resolveHostPath(reader, dir);
    return { names: (await reader.readdir(real.path)).map((e) => e.name).sort() };
  } catch (err) {
    return { names: [], state: stateForError(err) };
  }
}

export interface ResolvedPath {
  /** The host path with every symlink resolved (within the root). */
  path: string;
  /** True when a symlink was followed on the way. */
  followedLink: boolean;
}

/**
 * Resolve symlinks in host path `p` component by component under `root`. Throws the lstat error
 * (ENOENT, EACCES, ...) of the first component that cannot be looked at, with `resolvedPath` set
 * to the path resolved so far plus the remaining components (where a dangling link points).
 */
export async function resolveHostPath(host: HostAccess, p: string): Promise<ResolvedPath> {
  const reader = hostReader(host);
  let todo = p.split('/').filter(Boolean);
  let done = '';
  let hops = 0;
  let followedLink = false;
  while (todo.length > 0) {
    const part = todo.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      done = done.slice(0, done.lastIndexOf('/'));
      continue;
    }
    const next = `${done}/${part}`;
    let isLink: boolean;
    try {
      isLink = await reader.isSymlink(next);
    } catch (err) {
      (err as ResolveError).resolvedPath = [next, ...todo].join('/');
      throw err;
    }
    if (!isLink) {
      done = next;
      continue;
    }
    if (++hops > 40) throw Object.assign(new Error(`too many symlinks in ${p}`), { code: 'ELOOP', resolvedPath: next });
    followedLink = true;
    const target = await reader.readlink(next);
    if (target.startsWith('/')) done = '';
    todo = [...target.split('/').filter(Boolean), ...todo];
  }
  return { path: done || '/', followedLink };
}

export type ResolveError = NodeJS.ErrnoException & { resolvedPath?: string };
