// Resolve an extends chain, base first: select fields replace, params merge key by key on top of
// DEFAULT_PARAMS (a null entry in a by-name mapping removes it), waivers add up with the later
// file winning for the same rule.
import { DEFAULT_PARAMS, type HardeningParams } from '../rules/params.js';
import type { ProfileFile, ProfileSelect, ResolvedProfile, Waiver } from './types.js';

export interface ProfileLayer {
  file: ProfileFile;
  /** Absolute path the layer was read from. */
  source: string;
  /** How the layer appears in `chain`: a shipped name or the path. */
  label: string;
}

export function resolveLayers(layers: readonly ProfileLayer[]): ResolvedProfile {
  const top = layers[layers.length - 1];
  if (!top) throw new Error('resolveLayers needs at least one layer');
  let select: ProfileSelect = { include: [], exclude: [] };
  let params: HardeningParams = structuredClone(DEFAULT_PARAMS);
  let waivers: Waiver[] = [];
  let description = '';
  for (const { file } of layers) {
    select = mergeSelect(select, file.select ?? {});
    params = deepMerge(params, file.params ?? {}) as HardeningParams;
    waivers = mergeWaivers(waivers, file.waivers ?? []);
    if (file.description !== undefined) description = file.description;
  }
  for (const key of RECORD_PARAMS) params[key] = withoutNulls(params[key]) as never;
  return { name: top.file.name, description, source: top.source, chain: layers.map((l) => l.label), select, params, waivers };
}

/** Params keyed by name, where a null in a profile removes what the parent set. */
const RECORD_PARAMS = ['defaultUlimits', 'capAddByImage', 'healthcheckByImage'] as const;

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));
}

function mergeSelect(base: ProfileSelect, over: Partial<ProfileSelect>): ProfileSelect {
  const sections = over.sections ?? base.sections;
  const levels = over.levels ?? base.levels;
  return {
    ...(sections && { sections: [...sections] }),
    ...(levels && { levels: [...levels] }),
    include: [...(over.include ?? base.include)],
    exclude: [...(over.exclude ?? base.exclude)],
  };
}

export function mergeWaivers(base: readonly Waiver[], over: readonly Waiver[]): Waiver[] {
  const replaced = new Set(over.map((w) => w.id));
  return [...base.filter((w) => !replaced.has(w.id)), ...over.map((w) => ({ ...w }))];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Mappings merge key by key; lists, scalars and null replace what was there. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return structuredClone(over);
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = key in base ? deepMerge(base[key], value) : structuredClone(value);
  return out;
}
