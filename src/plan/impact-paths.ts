// The files a rule's impact warning is about: those its contributions landed in. A warning about
// a running container (docker update, recreate advice) is about no file, so a compose file that
// closes the same rule for other services is never shown it.
import type { Tagged } from '../rules/contribution.js';
import type { FileChange, PlanNote } from '../plan-model/plan.js';
import { dropInPath } from '../artifacts/systemd-paths.js';

/** Where the renderers put the contributions of one plan. */
export interface Landing {
  daemonJson: FileChange | null;
  auditRules: FileChange | null;
  dropIns: readonly FileChange[];
  /** compose-service contributions an override or base patch took, with the project's files. */
  compose: ReadonlyMap<Tagged, readonly string[]>;
}

/** The files a contribution landed in; null where that says nothing (a permission fix is no written file). */
function landedPaths(c: Tagged, at: Landing): string[] | null {
  switch (c.kind) {
    case 'daemon-json-set':
    case 'daemon-json-remove':
      return at.daemonJson ? [at.daemonJson.path] : [];
    case 'audit-watch':
      return at.auditRules ? [at.auditRules.path] : [];
    case 'systemd-dropin':
      return at.dropIns.filter((f) => f.path === dropInPath(c.unit)).map((f) => f.path);
    case 'env-file':
      return [c.path];
    case 'file-permission':
      return null;
    case 'compose-service':
      return [...(at.compose.get(c) ?? [])];
    default:
      return [];
  }
}

/** Each impact warning with the paths its rule's contributions of that impact landed in. */
export function withImpactPaths(impacts: readonly PlanNote[], contributions: readonly Tagged[], at: Landing): Map<PlanNote, PlanNote> {
  const key = (ruleId: string | undefined, text: string) => `${ruleId}\0${text}`;
  const paths = new Map<string, Set<string>>();
  for (const c of contributions) {
    const landed = c.impact ? landedPaths(c, at) : null;
    if (!landed) continue;
    const k = key(c.ruleId, c.impact!);
    paths.set(k, new Set([...(paths.get(k) ?? []), ...landed]));
  }
  // A warning no contribution places (a permission fix, a rule that could not be evaluated) keeps its rule id only.
  return new Map(
    impacts.map((w) => {
      const found = paths.get(key(w.ruleId, w.text));
      return [w, found ? { ...w, paths: [...found].sort() } : w];
    }),
  );
}
