// Turn one schema error into the tail of one sentence: the path in the profile, what was expected
// and what was found. The file name and line are added by the caller.
import type { ErrorObject } from 'ajv';
import type { PathSegment } from './yaml-source.js';

/** "/select/include/1" → ["select", "include", 1], using the data to tell list indexes from keys. */
export function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(node) ? Number(key) : key;
    path.push(segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return path;
}

/** ["waivers", 0, "id"] → "waivers[0].id"; keys that are not plain words are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** How a found value is quoted in a message. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

export function describeSchemaError(error: ErrorObject, data: unknown): { path: PathSegment[]; at: 'key' | 'value'; message: string } {
  const path = pointerToPath(error.instancePath, data);
  const where = formatPath(path);
  const subject = where || 'the profile';
  const got = showValue(error.data);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const params = error.params as Record<string, unknown>;

  if (error.propertyName !== undefined || error.keyword === 'additionalProperties') {
    const key = error.propertyName ?? String(params.additionalProperty);
    const expected = error.propertyName !== undefined ? (error.schema as unknown[]) : Object.keys((parent.properties ?? {}) as object);
    const place = where ? `in ${where}` : 'at the top level';
    const list = Array.isArray(expected) && expected.length > 0 ? ` (expected one of ${expected.join(', ')})` : '';
    return { path: [...path, key], at: 'key', message: `unknown key ${JSON.stringify(key)} ${place}${list}` };
  }
  if (error.schemaPath.startsWith('#/definitions/ruleId/')) {
    return { path, at: 'value', message: `${subject} ${got} is not a CIS Docker Benchmark rule id` };
  }
  switch (error.keyword) {
    case 'type': {
      const types = Array.isArray(params.type) ? params.type : String(params.type).split(',');
      // A value with a specific shape ("10m", "3") says that shape rather than just "a string".
      if (types.length === 1 && types[0] === 'string' && typeof parent.patternErrorMessage === 'string') {
        return { path, at: 'value', message: `${subject} ${parent.patternErrorMessage} (got ${got})` };
      }
      return { path, at: 'value', message: `${subject} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')} (got ${got})` };
    }
    case 'required':
      return { path, at: 'value', message: `${subject} is missing the required key ${JSON.stringify(params.missingProperty)}` };
    case 'enum':
      return { path, at: 'value', message: `${subject} must be one of ${(params.allowedValues as unknown[]).join(', ')} (got ${got})` };
    case 'pattern': {
      const expectation = typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : `must match ${String(params.pattern)}`;
      return { path, at: 'value', message: `${subject} ${expectation} (got ${got})` };
    }
    case 'minimum':
      return { path, at: 'value', message: `${subject} must be at least ${String(params.limit)} (got ${got})` };
    case 'maximum':
      return { path, at: 'value', message: `${subject} must be at most ${String(params.limit)} (got ${got})` };
    case 'minLength':
      return { path, at: 'value', message: `${subject} must not be empty` };
    case 'maxLength':
      return { path, at: 'value', message: `${subject} must be at most ${String(params.limit)} characters long` };
    case 'minItems':
      return { path, at: 'value', message: `${subject} must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'uniqueItems': {
      const list = error.data as unknown[];
      return { path, at: 'value', message: `${subject} lists ${showValue(list[Number(params.i)])} twice` };
    }
    default:
      return { path, at: 'value', message: `${subject} ${error.message ?? 'is not valid'}` };
  }
}
