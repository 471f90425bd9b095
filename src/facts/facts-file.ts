// Saving and replaying HostFacts, so a plan can be made on a laptop from a production snapshot.
import { readFile } from 'node:fs/promises';
import { FACTS_SCHEMA_VERSION, type HostFacts } from './host-facts.js';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { findJsonError } from './json-error.js';

export async function readFactsFile(file: string): Promise<HostFacts> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? `The facts file ${file} does not exist.` : `The facts file ${file} cannot be read (${code}).`,
      'Create one with `docker-harden inspect --save FILE`.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the file's text; say where it breaks instead, in one line.
    const at = findJsonError(text);
    const where = at ? `line ${at.line}, column ${at.column}: ${at.message}` : 'syntax error';
    throw new UserError(`The facts file ${file} is not valid JSON (${where}).`, 'Create it again with `docker-harden inspect --save FILE`.');
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || version !== FACTS_SCHEMA_VERSION) {
    throw new UserError(
      `The facts file ${file} has schema version ${JSON.stringify(version ?? null)}; this docker-harden reads version ${FACTS_SCHEMA_VERSION}.`,
      'Create it again with this version: `docker-harden inspect --save FILE`.',
    );
  }
  return { ...(data as HostFacts), source: 'file' };
}

export async function writeFactsFile(file: string, facts: HostFacts): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(facts, null, 2) + '\n', { mode: 0o600 });
}
