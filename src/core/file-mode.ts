// Permission modes as people write them. Every JSON the tool writes carries a mode as "0644",
// never as 420; files written before that (facts, manifests) hold numbers and are still read.

/** A permission mode as people write it: 0o644 -> "0644", 0o4755 -> "04755". */
export function formatMode(mode: number): string {
  return '0' + (mode & 0o7777).toString(8).padStart(3, '0');
}

const OCTAL_MODE = /^0?[0-7]{3,4}$/;

/** "0644" (or "644") -> 0o644; a number is taken as it is; anything else is undefined. */
export function parseMode(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 0o7777 ? value : undefined;
  if (typeof value === 'string' && OCTAL_MODE.test(value)) return Number.parseInt(value, 8);
  return undefined;
}

/** The fields that hold a mode: a file's, and the one a permission fix changes from. */
const MODE_KEYS = new Set(['mode', 'fromMode']);

/** JSON.stringify replacer: a numeric mode field is written as "0644". */
export function modesAsText(key: string, value: unknown): unknown {
  return MODE_KEYS.has(key) && typeof value === 'number' ? formatMode(value) : value;
}

/**
 * The reverse, for data read back: every mode field that holds "0644" becomes 0o644 again, so
 * the schema checks and the code see numbers whichever way the file was written. Other strings are
 * left for the schema check to name.
 */
export function modesAsNumbers<T>(data: T): T {
  if (Array.isArray(data)) return data.map((item) => modesAsNumbers(item)) as T;
  if (data === null || typeof data !== 'object') return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const mode = MODE_KEYS.has(key) && typeof value === 'string' ? parseMode(value) : undefined;
    out[key] = mode ?? modesAsNumbers(value);
  }
  return out as T;
}
