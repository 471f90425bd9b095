// Find profile files, follow `extends`, and resolve. The only part of src/profiles that reads the disk.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/errors.js';
import { INPUT_LIMITS, describeReadError, readInputText } from '../core/read-input.js';
import { resolveLayers, type ProfileLayer } from './merge.js';
import { parseProfileText } from './parse-profile.js';
import type { ProfileLoadOptions, ResolvedProfile } from './types.js';

export const SHIPPED_PROFILES_DIR = fileURLToPath(new URL('../../profiles/', import.meta.url));

/** A ref with a "/" or a .yaml/.yml ending is a path; anything else names a shipped profile. */
export function isProfilePath(ref: string): boolean {
  return ref.includes('/') || /\.ya?ml$/i.test(ref);
}

export async function loadProfile(ref: string, opts: ProfileLoadOptions = {}): Promise<ResolvedProfile> {
  const cwd = opts.cwd ?? process.cwd();
  const profilesDir = opts.profilesDir ?? SHIPPED_PROFILES_DIR;
  const layers: ProfileLayer[] = [];
  const visited: string[] = [];
  let next = await locate(ref, cwd, profilesDir, `profile "${ref}"`);
  let missing = `profile file ${displayPath(next.file, cwd)} does not exist`;
  for (;;) {
    const display = displayPath(next.file, cwd);
    const { profile: file, where: lineOf } = parseProfileText(await readProfileFile(next.file, display, missing), display);
    visited.push(next.file);
    layers.unshift({ file, source: next.file, label: next.label });
    if (file.extends === undefined) break;
    const where = `${lineOf(['extends'])}: extends ${JSON.stringify(file.extends)}`;
    const parent = await locate(file.extends, path.dirname(next.file), profilesDir, where);
    missing = `${where} names a file that does not exist (${displayPath(parent.file, cwd)})`;
    if (visited.includes(parent.file)) {
      const loop = [...visited, parent.file].map((f) => displayPath(f, cwd)).join(' extends ');
      throw new UserError(`${where} makes a cycle (${loop})`);
    }
    next = parent;
  }
  return resolveLayers(layers);
}

export async function listProfiles(opts: ProfileLoadOptions = {}): Promise<{ name: string; description: string; source: string }[]> {
  const profilesDir = opts.profilesDir ?? SHIPPED_PROFILES_DIR;
  const out: { name: string; description: string; source: string }[] = [];
  for (const name of await shippedNames(profilesDir)) {
    const profile = await loadProfile(name, opts);
    out.push({ name: profile.name, description: profile.description, source: profile.source });
  }
  return out;
}

async function shippedNames(profilesDir: string): Promise<string[]> {
  const entries = await readdir(profilesDir).catch(() => [] as string[]);
  return entries
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** `what` starts the error sentence: `profile "x"` or `site.yaml line 2: extends "x"`. */
async function locate(ref: string, baseDir: string, profilesDir: string, what: string): Promise<{ file: string; label: string }> {
  if (isProfilePath(ref)) {
    const file = path.resolve(baseDir, ref);
    return { file, label: file };
  }
  const names = await shippedNames(profilesDir);
  if (!names.includes(ref)) {
    const known = names.length > 0 ? `${names.join(', ')} or a path to a .yaml file` : 'a path to a .yaml file';
    throw new UserError(`${what} is not a shipped profile (expected ${known})`);
  }
  return { file: path.join(profilesDir, `${ref}.yaml`), label: ref };
}

async function readProfileFile(file: string, display: string, missing: string): Promise<string> {
  try {
    return await readInputText(file, INPUT_LIMITS.text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(missing);
    if (code === 'EISDIR') throw new UserError(`profile file ${display} is a directory, not a YAML file`);
    throw new UserError(`profile file ${display} ${describeReadError(err)}`);
  }
}

/** Relative to the cwd when the file is under it, so messages read like what the user typed. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
