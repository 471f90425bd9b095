// The user's daemon.json as the detected engine will read it: removed keys that would stop
// dockerd are taken out (with a warning), keys it cannot know refuse the whole file.
import type { PlanNote, RefusedItem } from '../plan-model/plan.js';
import { DAEMON_KEYS, REMOVED_KEYS, REMOVED_STORAGE_DRIVERS, keyKnownTo, keyType, removedIn } from './daemon-keys.js';
import { atLeast, describeVersion } from './engine-version.js';
import { checkJsonType } from './json-types.js';
import { normalizeValue, sameJson } from './daemon-json-values.js';
import type { GuardContext } from './daemon-json-guards.js';

export interface CleanedConfig {
  config: Record<string, unknown>;
  /** Removed keys carried over to their replacement (old name → new name). */
  renamed: Map<string, string>;
  warnings: PlanNote[];
  refused: RefusedItem[];
}

export function cleanCurrentConfig(current: Record<string, unknown>, ctx: Pick<GuardContext, 'version'>): CleanedConfig {
  const dockerd = describeVersion(ctx.version);
  const warnings: PlanNote[] = [];
  const refused: RefusedItem[] = [];
  const entries: [string, unknown][] = [];
  const renamed = new Map<string, string>();
  // Without --validate (engines before 23, or no engine seen) the key table is the only check.
  const strict = !ctx.version || !atLeast(ctx.version, '23.0');
  for (const [key, value] of Object.entries(current)) {
    const gone = removedIn(key, ctx.version);
    if (gone) {
      const replacement = REMOVED_KEYS[key].replacement;
      if (replacement && !Object.hasOwn(current, replacement)) {
        entries.push([replacement, value]);
        renamed.set(key, replacement);
        warnings.push({
          text: `${dockerd} refuses to start with "${key}" in daemon.json (removed in ${gone}); it is renamed to "${replacement}" with the same value.`,
        });
      } else {
        warnings.push({ text: `${dockerd} refuses to start with "${key}" in daemon.json (removed in ${gone}); it is removed.` });
      }
      continue;
    }
    if (key === 'storage-driver' && typeof value === 'string' && REMOVED_STORAGE_DRIVERS[value] && atLeast(ctx.version, REMOVED_STORAGE_DRIVERS[value])) {
      warnings.push({
        text: `${dockerd} refuses to start with "storage-driver": "${value}" (removed in ${REMOVED_STORAGE_DRIVERS[value]}); it is removed, and images, containers and volumes stored by ${value} are not visible to the new driver — migrate them first.`,
      });
      continue;
    }
    if (!keyKnownTo(key, ctx.version)) {
      const since = DAEMON_KEYS[key]?.since;
      const why = since ? `"${key}" needs dockerd ${since} or later` : `"${key}" is not a daemon.json key docker-harden knows`;
      if (strict) {
        refused.push({
          key,
          text: `${why}; ${dockerd} refuses to start with a key it does not know, so daemon.json is left as it is — fix or remove "${key}" first.`,
        });
      } else {
        warnings.push({ text: `${why}; \`dockerd --validate\` decides whether ${dockerd} accepts it.` });
      }
      entries.push([key, value]);
      continue;
    }
    const fixed = normalizeValue(key, value);
    const typeError = checkJsonType(keyType(key) ?? 'object', fixed);
    if (typeError) {
      refused.push({ key, text: `daemon.json "${key}" ${typeError}: dockerd refuses to start with it, so daemon.json is left as it is — fix "${key}" first.` });
    } else if (!sameJson(fixed, value)) {
      warnings.push({ text: `daemon.json "${key}" has values dockerd rejects unless they are strings; they are rewritten as strings.` });
    }
    entries.push([key, fixed]);
  }
  return { config: Object.fromEntries(entries), renamed, warnings, refused };
}
