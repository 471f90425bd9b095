// Facts + profile -> plan: the one path every command that changes something goes through
// (plan, apply, script, patch, wizard), so all of them show and do the same thing.
import type { GlobalOptions } from '../cli/context.js';
import type { HostFacts } from '../facts/host-facts.js';
import type { Plan } from '../plan/plan.js';
import { loadFacts } from './facts-source.js';
import { loadProfile, selectRules, activeWaiverFor, type ResolvedProfile } from '../profiles/index.js';
import { allRules } from '../rules/catalog.js';
import { buildPlan } from '../plan/build-plan.js';
import { vetPlanDaemonJson } from '../artifacts/validate-daemon-config.js';
import type { Rule } from '../rules/rule.js';

export interface PlannedChange {
  facts: HostFacts;
  profile: ResolvedProfile;
  plan: Plan;
}

export type PlanSourceOptions = Pick<GlobalOptions, 'from' | 'root' | 'dockerHost'> & { profile: string };

export async function makePlan(opts: PlanSourceOptions, facts?: HostFacts): Promise<PlannedChange> {
  const [loadedFacts, profile] = await Promise.all([facts ?? loadFacts(opts), loadProfile(opts.profile)]);
  const rules = rulesToRemediate(profile);
  const input = { facts: loadedFacts, rules, params: profile.params, profileName: profile.name };
  let plan = buildPlan(input);
  // Where the engine has `dockerd --validate`, a daemon.json it rejects is never offered.
  const veto = await vetPlanDaemonJson(plan, loadedFacts, opts);
  if (veto) plan = buildPlan({ ...input, daemonJsonVeto: veto });
  return { facts: loadedFacts, profile, plan };
}

/** The profile's rules, less those an active waiver accepts as they are. */
export function rulesToRemediate(profile: ResolvedProfile, now = new Date()): Rule[] {
  return selectRules(profile, allRules).filter((r) => !activeWaiverFor(profile.waivers, r.id, now));
}
