// Global options every command shares, resolved once from flags and the environment.
import path from 'node:path';
import { statSync } from 'node:fs';
import { UserError } from '../core/errors.js';

export interface GlobalOptions {
  /** Every host file is read (and written) under this directory. */
  root: string;
  /** Engine endpoint: --docker-host, else DOCKER_HOST, else the default socket under the root. */
  dockerHost: string;
  /** Saved facts to use instead of inspecting the host. */
  from?: string;
  color: boolean;
}

export function resolveGlobalOptions(raw: { root?: string; dockerHost?: string; from?: string; color?: boolean }, env = process.env): GlobalOptions {
  const root = path.resolve(raw.root ?? '/');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`The root ${root} is not a directory.`, 'Pass --root a directory that holds a copy of the host files (etc/, usr/, ...).');
  }
  return {
    root,
    dockerHost: raw.dockerHost ?? env.DOCKER_HOST ?? 'unix:///var/run/docker.sock',
    from: raw.from ? path.resolve(raw.from) : undefined,
    color: raw.color !== false && !env.NO_COLOR && !!process.stdout.isTTY || env.FORCE_COLOR === '1',
  };
}
