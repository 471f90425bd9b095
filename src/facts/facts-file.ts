// Saving and replaying HostFacts, so a plan can be made on a laptop from a production snapshot.
import { FACTS_SCHEMA_VERSION, type HostFacts } from './host-facts.js';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { findJsonError, findNestingError } from './json-error.js';
import { INPUT_LIMITS, describeReadError, readInputText } from '../core/read-input.js';
import { factsSchemaError } from './facts-schema.js';
import { modesAsNumbers, modesAsText } from '../core/file-mode.js';

export async function readFactsFile(file: string): Promise<HostFacts> {
  let text: string;
  try {
    text = await readInputText(file, INPUT_LIMITS.facts);
  } catch (err) {
    throw new UserError(`The facts file ${file} ${describeReadError(err)}.`, 'Create one with `docker-harden inspect --save FILE`.');
  }
  // Valid JSON nested thousands deep would still overflow the stack later (JSON.stringify, walks).
  const deep = findNestingError(text);
  if (deep)
    throw new UserError(
      `The facts file ${file} is not valid: line ${deep.line}, column ${deep.column}: ${deep.message}.`,
      'Create it again with `docker-harden inspect --save FILE`.',
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the file's text; say where it breaks instead, in one line.
    const at = findJsonError(text);
    const where = at ? `line ${at.line}, column ${at.column}: ${at.message}` : 'syntax error';
    throw new UserError(`The facts file ${file} is not valid JSON (${where}).`, 'Create it again with `docker-harden inspect --save FILE`.');
  }
  // Modes are written as "0644"; files saved before that hold numbers. Both read as numbers.
  const files = (data as { files?: unknown } | null)?.files;
  if (files && typeof files === 'object') (data as { files: unknown }).files = modesAsNumbers(files);
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || version !== FACTS_SCHEMA_VERSION) {
    throw new UserError(
      `The facts file ${file} has schema version ${JSON.stringify(version ?? null)}; this docker-harden reads version ${FACTS_SCHEMA_VERSION}.`,
      'Create it again with this version: `docker-harden inspect --save FILE`.',
    );
  }
  // Rules trust the shape of facts; a file edited by hand (or by anyone) is checked first.
  const problem = factsSchemaError(data);
  if (problem) throw new UserError(`The facts file ${file} is not valid: ${problem}.`, 'Create it again with `docker-harden inspect --save FILE`.');
  return { ...(data as HostFacts), source: 'file' };
}

/** Facts as JSON, with file modes as "0644" (what `inspect --json` prints and `--save` writes). */
export function factsJson(facts: HostFacts): string {
  return JSON.stringify({ ...facts, files: JSON.parse(JSON.stringify(facts.files, modesAsText)) }, null, 2);
}

export async function writeFactsFile(file: string, facts: HostFacts): Promise<void> {
  await writeFileAtomic(file, factsJson(facts) + '\n', { mode: 0o600 });
}
