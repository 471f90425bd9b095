// Reading host files under --root. Absolute symlinks are resolved inside the root (as a chroot
// would), so /var/run -> /run inside an image never escapes to the machine running the tool.
import { lstat, readlink, readdir } from 'node:fs/promises';
import path from 'node:path';
import { stateForError } from './probe.js';
import type { ProbeState } from '../facts/host-facts.js';
import { INPUT_LIMITS, InputFileError, readInputText } from '../core/read-input.js';

/** The path on this machine of host path `p` under `root`. */
export function underRoot(root: string, p: string): string {
  return root === '/' ? p : path.join(root, p);
}

export type ReadResult = { content: string } | { content: null; state: ProbeState; message: string };

/**
 * A host text file, or why it could not be read (never throws). A FIFO, device or socket where a
 * config file should be is reported as an error without being opened; reads stop at 4 MiB.
 */
export async function readHostText(root: string, p: string): Promise<ReadResult> {
  try {
    const real = await resolveHostPath(root, p);
    return { content: await readInputText(underRoot(root, real.path), INPUT_LIMITS.text) };
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
export async function listHostDir(root: string, dir: string): Promise<string[]> {
  return (await readHostDir(root, dir)).names;
}

/** Names in a host directory, sorted, or why it could not be listed. */
export async function readHostDir(root: string, dir: string): Promise<{ names: string[]; state?: ProbeState }> {
  try {
    const real = await resolveHostPath(root, dir);
    return { names: (await readdir(underRoot(root, real.path))).sort() };
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
export async function resolveHostPath(root: string, p: string): Promise<ResolvedPath> {
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
      isLink = (await lstat(underRoot(root, next))).isSymbolicLink();
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
    const target = await readlink(underRoot(root, next));
    if (target.startsWith('/')) done = '';
    todo = [...target.split('/').filter(Boolean), ...todo];
  }
  return { path: done || '/', followedLink };
}

export type ResolveError = NodeJS.ErrnoException & { resolvedPath?: string };
