// Ansible's host patterns: `web[01:03].example.com`, `db-[a:c]`, `[1:9:2]` (a step), several
// ranges in one name (their product), and a `:port` at the end. The size of the expansion is
// worked out before a single name is made, so `[0:99999999999]` is refused at once, not after a hang.
import { InventoryProblem, shown } from './inventory-error.js';

/** More names than this from one pattern is a typo, not a fleet. */
export const MAX_RANGE_HOSTS = 10_000;

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface HostPattern {
  names: string[];
  /** From `name:port`: Ansible sets it as the host's ansible_port. */
  port?: number;
}

export function expandHostPattern(pattern: string, line?: number): HostPattern {
  const fail = (why: string) => new InventoryProblem(`the host pattern ${shown(pattern)} ${why}`, line);
  if (pattern === '' || /[\s\u0000-\u001f\u007f]/.test(pattern)) throw fail('is not a host name');
  const v6 = /^\[([0-9A-Fa-f:.]+)\](?::(\d+))?$/.exec(pattern);
  if (v6 && (v6[1].match(/:/g) ?? []).length >= 2) return { names: [v6[1]], ...portOf(v6[2], fail) };
  if (/^[0-9A-Fa-f:.]+$/.test(pattern) && (pattern.match(/:/g) ?? []).length >= 2) return { names: [pattern] };
  const withPort = /^(.*[^:]):(\d+)$/.exec(pattern);
  const hostPart = withPort && !outsideBrackets(withPort[1]).includes(':') ? withPort[1] : pattern;
  if (outsideBrackets(hostPart).includes(':')) throw fail('has a ":" that is neither a port nor inside a range');
  const port = hostPart === pattern ? {} : portOf(withPort![2], fail);
  return { names: expandRanges(hostPart, fail), ...port };
}

function portOf(text: string | undefined, fail: (why: string) => Error): { port?: number } {
  if (text === undefined) return {};
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw fail('has a port outside 1-65535');
  return { port };
}

/** The text with every [...] removed, to look for a ":" that is not part of a range. */
function outsideBrackets(text: string): string {
  return text.replace(/\[[^\]]*\]/g, '');
}

function expandRanges(name: string, fail: (why: string) => Error): string[] {
  const parts: (string | string[])[] = [];
  let rest = name;
  let total = 1;
  for (let m = /\[([^\]]*:[^\]]*)\]/.exec(rest); m; m = /\[([^\]]*:[^\]]*)\]/.exec(rest)) {
    const size = rangeSize(m[1], fail);
    total *= size;
    if (total > MAX_RANGE_HOSTS) throw fail(`expands to more than ${MAX_RANGE_HOSTS} hosts`);
    parts.push(rest.slice(0, m.index), rangeValues(m[1]));
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  if (/[[\]]/.test(parts.filter((p): p is string => typeof p === 'string').join(''))) throw fail('has a "[" or "]" that is not a range [begin:end]');
  let names = [''];
  for (const part of parts) {
    names = typeof part === 'string' ? names.map((n) => n + part) : names.flatMap((n) => part.map((v) => n + v));
  }
  return names;
}

/** How many values `begin:end[:step]` gives, checked the way Ansible checks it. */
function rangeSize(spec: string, fail: (why: string) => Error): number {
  const bounds = spec.split(':');
  if (bounds.length > 3) throw fail('has a range that is not [begin:end] or [begin:end:step]');
  const [beg = '', end = '', stepText = '1'] = bounds;
  const step = /^\d{1,6}$/.test(stepText) ? Number(stepText) : NaN;
  if (!(step >= 1)) throw fail('has a range step that is not a positive number');
  if (end === '') throw fail('has a range without an end');
  const b = beg === '' ? '0' : beg;
  if (/^[A-Za-z]$/.test(b) && /^[A-Za-z]$/.test(end)) {
    const i = LETTERS.indexOf(b);
    const j = LETTERS.indexOf(end);
    if (i > j) throw fail('has a range whose beginning comes after its end');
    return Math.floor((j - i) / step) + 1;
  }
  if (!/^\d{1,15}$/.test(b) || !/^\d{1,15}$/.test(end)) throw fail('has a range that is neither numbers nor single letters');
  if (b.length > 1 && b.startsWith('0') && b.length !== end.length) throw fail('has a zero-padded range whose beginning and end differ in length');
  if (Number(b) > Number(end)) throw fail('has a range whose beginning comes after its end');
  return Math.floor((Number(end) - Number(b)) / step) + 1;
}

/** Called only after rangeSize() has bounded the count. */
function rangeValues(spec: string): string[] {
  const [beg = '', end = '', stepText = '1'] = spec.split(':');
  const b = beg === '' ? '0' : beg;
  const step = Number(stepText);
  const values: string[] = [];
  if (/^[A-Za-z]$/.test(b) && /^[A-Za-z]$/.test(end)) {
    for (let i = LETTERS.indexOf(b); i <= LETTERS.indexOf(end); i += step) values.push(LETTERS[i]);
    return values;
  }
  const width = b.length > 1 && b.startsWith('0') ? b.length : 0;
  for (let i = Number(b); i <= Number(end); i += step) values.push(String(i).padStart(width, '0'));
  return values;
}
