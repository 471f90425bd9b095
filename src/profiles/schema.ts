// The profile schema lives in schemas/profile.schema.json so editors can complete profiles; the
// loader validates with that same file (read at run time, never copied into the code).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** src/profiles/ and dist/profiles/ both sit two levels below the package root. */
export const PROFILE_SCHEMA_PATH = fileURLToPath(new URL('../../schemas/profile.schema.json', import.meta.url));

let compiled: { schema: Record<string, unknown>; validate: ValidateFunction } | undefined;

function compile(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(PROFILE_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // verbose: errors carry the offending data and their schema, which the messages quote.
  const ajv = new Ajv({ allErrors: false, verbose: true, strict: true });
  // Read by editors (VS Code, yaml-language-server) and by describeSchemaError.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  compiled = { schema, validate: ajv.compile(schema) };
  return compiled;
}

export function profileSchema(): Record<string, unknown> {
  return compile().schema;
}

/** The first schema error for a parsed profile, or undefined when it is valid. */
export function firstSchemaError(data: unknown): ErrorObject | undefined {
  const { validate } = compile();
  if (validate(data)) return undefined;
  const errors = validate.errors ?? [];
  // A propertyNames failure reports the inner error first; the inner one names the bad key.
  return errors.find((e) => e.propertyName !== undefined) ?? errors[0];
}
