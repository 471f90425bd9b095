// Where each fix of a service goes. An override file can add list entries and replace scalars;
// removing a list entry or unsetting a scalar needs `!override` / `!reset` (Compose v2.24.4 /
// v2.18), and without them the base file is patched instead. The shapes here are what the
// override renderer and the base patcher consume.
import type { PlanNote } from '../plan-model/plan.js';
import type { ComposeFlavour } from './compose-flavour.js';
import type { ServiceDef } from './merge-services.js';
import type { VolumeItem } from './volume-items.js';

export type OverrideTag = '!reset' | '!override';

export interface OverrideEntry {
  /** Path below the service, e.g. ['deploy', 'resources', 'limits', 'memory']. */
  path: string[];
  value: unknown;
  tag?: OverrideTag;
  /** Replace the value instead of adding to what an earlier run of this tool put there. */
  replace?: boolean;
  rules: string[];
}

export type BaseAction =
  | { action: 'remove-key' }
  | { action: 'set'; value: unknown }
  | { action: 'remove-items'; match: (item: unknown) => boolean }
  | { action: 'replace-items'; match: (item: unknown) => boolean; replace: (item: unknown) => unknown };

export type BaseOp = BaseAction & {
  /** Path below the service. */
  path: string[];
  rules: string[];
  /** The change in words, for notes: "cap_add ALL removed", "privileged: true set to false". */
  what: string;
};

export interface Placement {
  override: OverrideEntry[];
  base: BaseOp[];
  warnings: PlanNote[];
  manual: PlanNote[];
}

export interface PlaceContext {
  project: string;
  service: string;
  def: ServiceDef;
  flavour: ComposeFlavour;
  bindHostIp: string;
  volumes: VolumeItem[];
  /** Why the service needs NET_BIND_SERVICE under cap_drop ALL, or null when it does not. */
  lowPortReason: string | null;
}

export const emptyPlacement = (): Placement => ({ override: [], base: [], warnings: [], manual: [] });

/** A scalar the override cannot unset: `!reset null` where the tag exists, else removed from the base. */
export function unsetScalar(ctx: PlaceContext, out: Placement, path: string[], rules: string[], what: string): void {
  if (ctx.flavour.resetTag) out.override.push({ path, value: null, tag: '!reset', replace: true, rules });
  else out.base.push({ action: 'remove-key', path, rules, what: `${what} removed` });
}

/** false / "" / 0 replace the base value in an override only where the Compose version merges them. */
export function setFalsy(ctx: PlaceContext, out: Placement, path: string[], value: unknown, rules: string[], what: string): void {
  if (ctx.flavour.emptyScalarsOverride) out.override.push({ path, value, replace: true, rules });
  else out.base.push({ action: 'set', value, path, rules, what: `${what} set to ${JSON.stringify(value)}` });
}
