// Value shaping for daemon.json: the forms dockerd unmarshals, and merging into what the user
// already has so sub-keys they set (log-opts, default-ulimits, features) survive.
import { keyType } from './daemon-keys.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Bring a contributed value into dockerd's JSON shape where that is unambiguous. */
export function normalizeValue(key: string, value: unknown): unknown {
  const type = keyType(key);
  if (type === 'string-map' && isObject(value)) {
    // dockerd wants "max-file": "3", never 3.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'boolean' ? String(v) : v]));
  }
  if (type === 'ulimits' && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, u]) => [name, ulimit(name, u)]));
  }
  return value;
}

/** { soft, hard } (profile params) or { Soft, Hard } → { Name, Hard, Soft }. */
function ulimit(name: string, u: unknown): unknown {
  if (!isObject(u)) return u;
  const hard = u.Hard ?? u.hard;
  const soft = u.Soft ?? u.soft;
  return { Name: name, Hard: hard, Soft: soft };
}

/** Objects merge one level deep (existing sub-keys keep their order); everything else is replaced. */
export function mergeValue(current: unknown, next: unknown): unknown {
  if (isObject(current) && isObject(next)) return { ...current, ...next };
  return next;
}

/**
 * Deep equality of JSON values, ignoring object key order: "unchanged" means dockerd reads the same
 * settings, and an unchanged key keeps the user's text. Iterative, so no input depth can exhaust the stack.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  for (let pair = pending.pop(); pair; pair = pending.pop()) {
    const [x, y] = pair;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) return false;
    const xs = Object.keys(x);
    if (xs.length !== Object.keys(y).length) return false;
    for (const k of xs) {
      if (!Object.hasOwn(y, k)) return false;
      pending.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
    }
  }
  return true;
}
