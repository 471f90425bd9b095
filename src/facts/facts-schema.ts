// The shape of a facts file, checked before any rule reads it: schemas/facts.schema.json mirrors
// HostFacts, and types the fields of raw engine objects that the rules dereference, so a file
// edited by hand fails here with the JSON path that is wrong instead of deep inside a rule.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** src/facts/ and dist/facts/ both sit two levels below the package root. */
export const FACTS_SCHEMA_PATH = fileURLToPath(new URL('../../schemas/facts.schema.json', import.meta.url));

let validate: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (validate) return validate;
  const schema = JSON.parse(readFileSync(FACTS_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // allowUnionTypes: engine fields are often "string or null" and are written as type lists.
  validate = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true }).compile(schema);
  return validate;
}

/** Why parsed facts do not fit the schema, as "JSON-path what-is-wrong", or null when they fit. */
export function factsSchemaError(data: unknown): string | null {
  const check = compiled();
  if (check(data)) return null;
  return describe(check.errors ?? [], data);
}

function describe(errors: ErrorObject[], data: unknown): string {
  if (errors.length === 0) return 'it does not match the facts schema';
  // Under anyOf ("an object or null") the deepest error is the one that names the bad field.
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const here = errors.filter((e) => depth(e) === deepest && e.keyword !== 'anyOf');
  const first = here[0] ?? errors[0];
  // Keys come from the file: a long one is cut so the sentence stays one line.
  const where = first.instancePath === '' ? '(the top level)' : cut(first.instancePath);
  const badKey = errors.find((e) => e.propertyName !== undefined);
  if (badKey) return `${badKey.instancePath || '(the top level)'} has the key ${JSON.stringify(cut(badKey.propertyName!))}, which must be an absolute path`;
  if (first.keyword === 'required') {
    return `${where} lacks the field "${String((first.params as { missingProperty: string }).missingProperty)}"`;
  }
  const found = kindOf(valueAt(data, first.instancePath));
  const types = here.filter((e) => e.keyword === 'type').map((e) => String((e.params as { type: string | string[] }).type));
  if (types.length > 0) return `${where} must be ${alternatives(types.join(',').split(','))}, not ${found}`;
  if (first.keyword === 'enum') {
    const allowed = (first.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
    return `${where} must be one of ${allowed.join(', ')}, not ${found}`;
  }
  // The schema's only patterns are "^/": host paths in facts are absolute.
  if (first.keyword === 'pattern') return `${where} must be an absolute path, not ${JSON.stringify(cut(String(valueAt(data, first.instancePath))))}`;
  if (first.keyword === 'const') return `${where} must be ${JSON.stringify((first.params as { allowedValue: unknown }).allowedValue)}`;
  return `${where} ${first.message ?? 'does not match the facts schema'}`;
}

function cut(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** "an array", "a string or null" */
function alternatives(types: string[]): string {
  const words = [...new Set(types)].map((t) => (t === 'null' ? 'null' : t === 'array' || t === 'object' || t === 'integer' ? `an ${t}` : `a ${t}`));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}
