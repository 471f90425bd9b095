// The scanner formats as JSON schemas (schemas/scan-*.schema.json): only the fields the reader uses,
// with their types and length bounds, so a report of the wrong shape fails here with the JSON path
// that is wrong, before any parser walks it. Read at run time like the facts and profile schemas.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

export type ScanFormat = 'trivy-json' | 'grype-json' | 'sarif';

/** src/scan/ and dist/scan/ both sit two levels below the package root. */
const SCHEMA_PATHS: Record<ScanFormat, string> = {
  'trivy-json': fileURLToPath(new URL('../../schemas/scan-trivy.schema.json', import.meta.url)),
  'grype-json': fileURLToPath(new URL('../../schemas/scan-grype.schema.json', import.meta.url)),
  sarif: fileURLToPath(new URL('../../schemas/scan-sarif.schema.json', import.meta.url)),
};

const compiled = new Map<ScanFormat, ValidateFunction>();

function validator(format: ScanFormat): ValidateFunction {
  let validate = compiled.get(format);
  if (!validate) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATHS[format], 'utf8')) as Record<string, unknown>;
    // allowUnionTypes: scanners write null for an empty list ("RepoTags": null).
    validate = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile(schema);
    compiled.set(format, validate);
  }
  return validate;
}

/** Why `data` does not fit the format's schema, as "JSON-path what-is-wrong", or null when it fits. */
export function scanSchemaError(format: ScanFormat, data: unknown): string | null {
  const validate = validator(format);
  if (validate(data)) return null;
  return describe(validate.errors?.[0]);
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'it does not match the format';
  // The path comes from the file: cut it so the sentence stays one line.
  const path = error.instancePath === '' ? 'the top level' : error.instancePath.slice(0, 120);
  if (error.keyword === 'required') return `${path} lacks the field "${String((error.params as { missingProperty: string }).missingProperty)}"`;
  if (error.keyword === 'const') return `${path} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}`;
  return `${path} ${error.message ?? 'is not valid'}`;
}
