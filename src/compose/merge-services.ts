// The effective definition of each service across a project's config files, merged the way both
// docker-compose 1.x and Compose v2 agree on: mappings key by key, scalars replaced by the later
// file, capability and option lists united, ports appended, volumes and devices replaced by target.
import { volumeTarget } from './volumes.js';

export type ServiceDef = Record<string, unknown>;

const UNIQUE_LISTS = new Set(['cap_add', 'cap_drop', 'security_opt', 'tmpfs', 'expose', 'dns', 'dns_search', 'env_file', 'profiles']);
const BY_TARGET = new Set(['volumes', 'devices']);
const REPLACED = new Set(['command', 'entrypoint']);

export const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A list-or-string key (tmpfs: /tmp) as a list. */
export function asList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

function deviceTarget(entry: unknown): string {
  if (isMap(entry)) return String(entry.target ?? entry.source ?? '');
  const parts = String(entry).split(':');
  return parts[1] ?? parts[0];
}

function mergeValue(key: string, base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (base === undefined || REPLACED.has(key)) return over;
  if (UNIQUE_LISTS.has(key)) {
    const seen = new Set<string>();
    return [...asList(base), ...asList(over)].filter((x) => !seen.has(JSON.stringify(x)) && !!seen.add(JSON.stringify(x)));
  }
  if (BY_TARGET.has(key) && Array.isArray(base) && Array.isArray(over)) {
    const target = key === 'volumes' ? volumeTarget : deviceTarget;
    const replaced = new Set(over.map(target));
    return [...base.filter((b) => !replaced.has(target(b))), ...over];
  }
  if (key === 'ports' && Array.isArray(base) && Array.isArray(over)) {
    const seen = new Set(base.map((p) => JSON.stringify(p)));
    return [...base, ...over.filter((p) => !seen.has(JSON.stringify(p)))];
  }
  if (isMap(base) && isMap(over)) return mergeMaps(base, over);
  if (Array.isArray(base) && Array.isArray(over)) return [...base, ...over];
  return over;
}

function mergeMaps(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeValue(k, base[k], v);
  return out;
}

/** Services of several parsed files (in -f order) merged into one definition each. */
export function mergeServices(files: readonly (Record<string, unknown> | null)[]): Record<string, ServiceDef> {
  const out: Record<string, ServiceDef> = {};
  for (const file of files) {
    const services = file && isMap(file.services) ? file.services : {};
    for (const [name, def] of Object.entries(services)) {
      const d = isMap(def) ? def : {};
      out[name] = out[name] ? mergeMaps(out[name], d) : { ...d };
    }
  }
  return out;
}
