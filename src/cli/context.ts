// Global options every command shares, resolved once from flags and the environment.
import path from 'node:path';
import { statSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import type { GlobalOptions } from '../services/options.js';

interface RawGlobalFlags {
  root?: string;
  dockerHost?: string;
  from?: string;
  color?: boolean;
  engine?: boolean;
}

export function resolveGlobalOptions(raw: RawGlobalFlags, env = process.env): GlobalOptions {
  const root = path.resolve(raw.root ?? '/');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`The root ${root} is not a directory.`, 'Pass --root a directory that holds a copy of the host files (etc/, usr/, ...).');
  }
  const givenHost = raw.dockerHost ?? (env.DOCKER_HOST || undefined);
  return {
    root,
    rootGiven: raw.root !== undefined,
    dockerHost: givenHost ?? 'unix:///var/run/docker.sock',
    dockerHostGiven: givenHost !== undefined,
    noEngine: raw.engine === false,
    from: raw.from ? path.resolve(raw.from) : undefined,
    color: (raw.color !== false && !env.NO_COLOR && !!process.stdout.isTTY) || env.FORCE_COLOR === '1',
  };
}
