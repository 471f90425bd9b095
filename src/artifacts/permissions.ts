// Owner and mode fixes from file-permission contributions: one change per path, only the parts
// the facts show are wrong, and never a mode that adds bits.
import type { FileStat, HostFacts } from '../facts/host-facts.js';
import { emptyNotes, type PermissionChange, type PlanNotes } from '../plan-model/plan.js';
import { sortRuleIds } from '../plan-model/file-change.js';
import type { Tagged } from '../rules/contribution.js';
import { formatMode as octal } from '../core/file-mode.js';

export interface PermissionsResult extends PlanNotes {
  permissions: PermissionChange[];
}

export function collectPermissions(facts: HostFacts, contributions: Tagged<'file-permission'>[]): PermissionsResult {
  const notes = emptyNotes();
  const byPath = new Map<string, { mode?: number; owner?: string; group?: string; closes: string[] }>();
  for (const c of contributions) {
    if (!c.path.startsWith('/') || /[\0]/.test(c.path)) {
      notes.refused.push({ ruleId: c.ruleId, key: c.path, text: `permission fix for ${JSON.stringify(c.path)} needs an absolute path; not written.` });
      continue;
    }
    const want = byPath.get(c.path) ?? { closes: [] };
    // Two rules on one path: the stricter mode wins (the intersection of allowed bits).
    if (c.mode !== undefined) want.mode = want.mode === undefined ? c.mode : want.mode & c.mode;
    want.owner = c.owner ?? want.owner;
    want.group = c.group ?? want.group;
    want.closes.push(c.ruleId);
    byPath.set(c.path, want);
  }
  const permissions: PermissionChange[] = [];
  for (const [path, want] of [...byPath].sort(([a], [b]) => a.localeCompare(b))) {
    const stat = facts.files[path];
    if (stat && !stat.exists) continue; // nothing to fix; the script re-checks anyway
    const change: PermissionChange = { path, closes: sortRuleIds(want.closes) };
    if (want.mode !== undefined && (!stat || stat.mode === undefined || (stat.mode & ~want.mode & 0o7777) !== 0)) {
      change.mode = want.mode;
      if (stat?.mode !== undefined) change.fromMode = stat.mode;
    }
    if (want.owner !== undefined && !sameOwner(stat, 'owner', want.owner)) {
      change.owner = want.owner;
      if (stat?.owner !== undefined) change.fromOwner = stat.owner;
    }
    if (want.group !== undefined && !sameOwner(stat, 'group', want.group)) {
      change.group = want.group;
      if (stat?.group !== undefined) change.fromGroup = stat.group;
    }
    if (change.mode !== undefined || change.owner !== undefined || change.group !== undefined) permissions.push(change);
  }
  return { ...notes, permissions };
}

function sameOwner(stat: FileStat | undefined, which: 'owner' | 'group', name: string): boolean {
  if (!stat) return false;
  const known = stat[which];
  if (known !== undefined) return known === name;
  const id = which === 'owner' ? stat.uid : stat.gid;
  // Without names, only root is certain: uid/gid 0.
  return name === 'root' && id === 0;
}

/** "0644" for display and for the script. */
export { octal };
