// The edge that reads Dockerfiles: which files the command means, their text, mode and owner, and
// the build context's .dockerignore. Everything after this is pure.
import { stat, realpath } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { INPUT_LIMITS, describeReadError, readInputText, specialKind } from '../core/read-input.js';
import type { DockerfileInput, FileInput } from './plan-dockerfiles.js';

export interface Target {
  dockerfile: string;
  context: string;
}

/** A PATH is a Dockerfile or a directory holding one; the build context is the file's directory. */
export async function targetFromPath(cwd: string, given: string): Promise<Target> {
  const abs = path.resolve(cwd, given);
  const st = await stat(abs).catch(() => null);
  if (!st) throw new UserError(`${given} does not exist; pass a Dockerfile or a directory that holds one.`);
  const file = st.isDirectory() ? path.join(abs, 'Dockerfile') : abs;
  if (st.isDirectory() && !(await stat(file).catch(() => null))?.isFile())
    throw new UserError(`${given} has no Dockerfile; pass the Dockerfile itself if it has another name.`);
  // A FIFO or device would block or never end when read: refused before it is opened.
  const kind = st.isDirectory() ? null : specialKind(st);
  if (kind) throw new UserError(`${given} is ${kind}, not a regular file; pass a Dockerfile or a directory that holds one.`);
  const real = await realpath(file);
  return { dockerfile: real, context: path.dirname(real) };
}

export async function readInput(target: Target): Promise<DockerfileInput> {
  const dockerfile = await readFileInput(target.dockerfile);
  if (dockerfile.text === null) throw new UserError(`${target.dockerfile} does not exist.`);
  const ignorePath = path.join(target.context, '.dockerignore');
  const ignore = await readFileInput(ignorePath);
  // A new .dockerignore belongs to whoever owns the Dockerfile.
  const dockerignore = ignore.text === null ? { ...ignore, mode: 0o644, owner: dockerfile.owner, group: dockerfile.group } : ignore;
  return { dockerfile: { ...dockerfile, text: dockerfile.text }, dockerignore };
}

async function readFileInput(file: string): Promise<FileInput> {
  let text: string | null;
  try {
    text = await readInputText(file, INPUT_LIMITS.text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new UserError(`${file} ${describeReadError(err)}.`);
    return { path: file, text: null, mode: 0o644, owner: 'root', group: 'root' };
  }
  const st = await stat(file);
  return { path: file, text, mode: st.mode & 0o7777, owner: nameOf('/etc/passwd', st.uid), group: nameOf('/etc/group', st.gid) };
}

/** The account name for an id, or the id itself where the name is unknown (chown takes either). */
function nameOf(file: string, id: number): string {
  try {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const fields = line.split(':');
      if (fields[2] === String(id) && fields[0]) return fields[0];
    }
  } catch {
    /* no account database: keep the number */
  }
  return String(id);
}
