// A manifest is input like any other: rollback runs as root and acts on every path in it, so it
// is validated against schemas/manifest.schema.json, and then every path is checked to be a
// plain host path, every created directory a parent of its file, and every restore argv to end
// with the container it was recorded for.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { UserError } from '../core/errors.js';
import { isAncestorPath, isPlainHostPath } from '../core/host-path.js';
import type { Manifest } from './manifest.js';

/** src/apply/ and dist/apply/ both sit two levels below the package root. */
export const MANIFEST_SCHEMA_PATH = fileURLToPath(new URL('../../schemas/manifest.schema.json', import.meta.url));

/** Set ids are single path components (apply makes them from the time: 2026-01-01T00-00-00-000Z). */
const SET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

let validate: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validate) {
    const schema = JSON.parse(readFileSync(MANIFEST_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    // strictRequired off: the "existed: true" branch requires keys the entry itself declares.
    // strictTuples off: restoreArgs is an open tuple ("update", then any number of words).
    validate = new Ajv({ allErrors: false, strict: true, strictRequired: false, strictTuples: false }).compile(schema);
  }
  return validate;
}

export function isBackupSetId(id: string): boolean {
  return SET_ID.test(id);
}

export function assertBackupSetId(id: string): void {
  if (isBackupSetId(id)) return;
  throw new UserError(
    `${JSON.stringify(id)} is not a backup set id: ids are one name of letters, digits, ".", "_" and "-".`,
    'List them with `docker-harden rollback --list`.',
  );
}

/** The manifest of set `id`, or a one-sentence refusal naming the first thing wrong with it. */
export function checkManifest(data: unknown, id: string): Manifest {
  const bad = (what: string) => new UserError(`The manifest of backup set "${id}" is not valid (${what}); it cannot be used for a rollback.`);
  const check = compiled();
  if (!check(data)) throw bad(describe(check.errors?.[0]));
  const manifest = data as Manifest;
  if (manifest.id !== id) throw bad(`/id is ${JSON.stringify(manifest.id)}, not the name of its folder`);
  for (const [i, f] of manifest.files.entries()) {
    if (!isPlainHostPath(f.path)) throw bad(`/files/${i}/path is not a plain absolute path`);
    for (const [j, d] of f.createdDirs.entries()) {
      if (!isPlainHostPath(d) || !isAncestorPath(d, f.path)) throw bad(`/files/${i}/createdDirs/${j} is not a parent directory of ${f.path}`);
    }
  }
  for (const [i, p] of manifest.permissions.entries()) {
    if (!isPlainHostPath(p.path)) throw bad(`/permissions/${i}/path is not a plain absolute path`);
  }
  for (const [i, c] of (manifest.containers ?? []).entries()) {
    const last = c.restoreArgs.at(-1);
    if (last !== c.id && last !== c.name) throw bad(`/containers/${i}/restoreArgs does not end with its container ${c.name}`);
  }
  return manifest;
}

function describe(err: ErrorObject | undefined): string {
  if (!err) return 'it does not match the manifest schema';
  const where = err.instancePath || '/';
  if (err.keyword === 'additionalProperties')
    return `${where} has an unknown key ${JSON.stringify((err.params as { additionalProperty: string }).additionalProperty)}`;
  return `${where} ${err.message ?? 'is wrong'}`;
}
