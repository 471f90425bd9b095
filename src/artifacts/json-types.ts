// Checking a value against the JSON shape the key table (facts/daemon-keys.ts) gives its key. A
// wrong shape is fatal at daemon start ("cannot unmarshal number into Go value of type string"),
// so every written key is checked.
import type { JsonType } from '../facts/daemon-keys.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Null when `value` has the shape, else why not (one phrase). */
export function checkJsonType(type: JsonType, value: unknown): string | null {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? null : `must be a JSON string, not ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `must be a JSON boolean (true/false), not ${describe(value)}`;
    case 'integer':
      return Number.isInteger(value) ? null : `must be a JSON integer, not ${describe(value)}`;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : `must be an array of strings, not ${describe(value)}`;
    case 'string-map':
      return mapOf(value, (v) => typeof v === 'string', 'string');
    case 'boolean-map':
      return mapOf(value, (v) => typeof v === 'boolean', 'boolean');
    case 'ulimits':
      if (!isObject(value)) return `must be an object of ulimits, not ${describe(value)}`;
      for (const [name, u] of Object.entries(value)) {
        if (!isObject(u) || u.Name !== name || !Number.isInteger(u.Hard) || !Number.isInteger(u.Soft)) {
          return `entry "${name}" must be {"Name": "${name}", "Hard": <integer>, "Soft": <integer>}`;
        }
        if ((u.Soft as number) > (u.Hard as number)) return `entry "${name}" has Soft above Hard`;
      }
      return null;
    case 'address-pools':
      return Array.isArray(value) && value.every((p) => isObject(p) && typeof p.base === 'string' && Number.isInteger(p.size))
        ? null
        : 'must be an array of {"base": "<CIDR>", "size": <integer>}';
    case 'object':
      return isObject(value) ? null : `must be a JSON object, not ${describe(value)}`;
  }
}

function mapOf(value: unknown, ok: (v: unknown) => boolean, what: string): string | null {
  if (!isObject(value)) return `must be a JSON object, not ${describe(value)}`;
  const bad = Object.entries(value).find(([, v]) => !ok(v));
  return bad ? `value of "${bad[0]}" must be a JSON ${what}, not ${describe(bad[1])}` : null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}
