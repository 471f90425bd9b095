import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../rules/params.js';
import { parseProfileText } from './parse-profile.js';
import { PROFILE_SCHEMA_PATH, profileSchema } from './schema.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const published = JSON.parse(readFileSync(path.join(REPO, 'schemas/profile.schema.json'), 'utf8')) as {
  $id: string;
  properties: Record<string, unknown>;
  definitions: { params: { properties: Record<string, unknown> } };
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'dist', '.git', 'coverage'].includes(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the published profile schema', () => {
  it('is the file the loader validates with', () => {
    expect(PROFILE_SCHEMA_PATH).toBe(path.join(REPO, 'schemas/profile.schema.json'));
    expect(profileSchema()).toEqual(published);
    // The expected-keys list in messages comes from that file.
    const keys = Object.keys(published.definitions.params.properties).join(', ');
    expect(() => parseProfileText('name: x\nparams:\n  pidLimit: 5\n', 'x.yaml')).toThrow(
      `x.yaml line 3: unknown key "pidLimit" in params (expected one of ${keys})`,
    );
  });

  it('has no second copy anywhere in the repository', () => {
    const copies = filesUnder(REPO).filter((file) => {
      if (!/\.(json|ts|js|ya?ml)$/.test(file) || file.endsWith('.test.ts')) return false;
      return readFileSync(file, 'utf8').includes(published.$id);
    });
    expect(copies.map((f) => path.relative(REPO, f))).toEqual(['schemas/profile.schema.json']);
  });

  it('is a valid draft-07 schema', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema(published)).toBe(true);
  });

  it('types every hardening parameter, and only those', () => {
    expect(Object.keys(published.definitions.params.properties).sort()).toEqual(Object.keys(DEFAULT_PARAMS).sort());
  });

  it('accepts the built-in defaults as params', () => {
    const text = `name: defaults\nparams: ${JSON.stringify(DEFAULT_PARAMS)}\n`;
    expect(parseProfileText(text, 'defaults.yaml').profile.params).toEqual(DEFAULT_PARAMS);
  });
});
