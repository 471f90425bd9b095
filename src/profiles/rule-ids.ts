// Rule references in profiles, read the way the catalog reads them: a bare id is a v1.8.0 id first
// and only then an older alias; "1.7.0:2.14" (or "v1.7:2.14") names an id in that version only.
// Resolved against the benchmark's own item list, so a profile means the same rules whichever
// subset of rules a command passes around.
import { CIS_V180_ITEMS } from '../rules/cis-v1.8.0-ids.js';

const CURRENT = '1.8.0';
/** v1.6.0 and v1.7.0 share one numbering. */
const ALIAS_VERSIONS = ['1.7.0', '1.6.0'];

const CURRENT_IDS = new Set(CIS_V180_ITEMS.map((item) => item.id));
const FROM_V17 = new Map(CIS_V180_ITEMS.filter((item) => item.v17 !== null).map((item) => [item.v17 as string, item.id]));

function normalizeVersion(version: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version.trim());
  if (!m) return undefined;
  const full = `${m[1]}.${m[2]}.${m[3] ?? '0'}`;
  return full === CURRENT || ALIAS_VERSIONS.includes(full) ? full : undefined;
}

/** The v1.8.0 id a profile reference names, or undefined when it names no benchmark item. */
export function canonicalRuleId(ref: string): string | undefined {
  const colon = ref.indexOf(':');
  const id = (colon < 0 ? ref : ref.slice(colon + 1)).trim();
  if (colon >= 0) {
    const version = normalizeVersion(ref.slice(0, colon));
    if (version === undefined) return undefined;
    if (version === CURRENT) return CURRENT_IDS.has(id) ? id : undefined;
    return FROM_V17.get(id);
  }
  if (CURRENT_IDS.has(id)) return id;
  return FROM_V17.get(id);
}
