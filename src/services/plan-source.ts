// Facts + profile -> plan: the one path every command that changes something goes through
// (plan, apply, script, patch, wizard), so all of them show and do the same thing.
import type { GlobalOptions, RecreateRequest } from '../services/options.js';
import type { HostFacts } from '../facts/host-facts.js';
import type { Plan } from '../plan-model/plan.js';
import { loadFacts } from './facts-source.js';
import { readAuditScans, withAuditScans } from './audit-scans.js';
import { loadProfile, selectRules, activeWaiverFor, type ResolvedProfile } from '../profiles/index.js';
import { allRules } from '../rules/catalog.js';
import { buildPlan, type BuildPlanInput } from '../plan/build-plan.js';
import { vetPlanDaemonJson } from '../artifacts/validate-daemon-config.js';
import type { Rule } from '../rules/rule.js';
import { stat } from 'node:fs/promises';
import { INPUT_LIMITS, describeReadError, readInputText } from '../core/read-input.js';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { readHostText } from '../probes/host-fs.js';
import { fileProjects, type GivenComposeFile } from '../compose/file-projects.js';
import { overridePathFor } from '../compose/load-project.js';
import type { ComposeProjectInput } from '../compose/load-project.js';

export interface PlannedChange {
  facts: HostFacts;
  profile: ResolvedProfile;
  plan: Plan;
  /** What the plan was built from, so the wizard can build it again without the files a person switched off. */
  input: BuildPlanInput;
}

export type PlanSourceOptions = Pick<GlobalOptions, 'from' | 'root' | 'rootGiven' | 'dockerHost' | 'dockerHostGiven' | 'noEngine'> & {
  profile: string;
  /** Compose files to plan for besides the projects the engine runs (--compose). */
  compose?: string[];
  /** --recreate: the profile's `recreate: standalone` for this run, limited to the names given. */
  recreate?: RecreateRequest;
  /** --scan-report files, judged with the profile's scan thresholds (4.4). */
  scanReportFiles?: readonly string[];
};

export async function makePlan(opts: PlanSourceOptions, facts?: HostFacts): Promise<PlannedChange> {
  const [unscanned, profile] = await Promise.all([facts ?? loadFacts(opts), loadProfile(opts.profile)]);
  const loadedFacts = (await withAuditScans(unscanned, await readAuditScans(opts), { scanParams: profile.params })).facts;
  assertSameRoot(loadedFacts, opts);
  const rules = rulesToRemediate(profile);
  const compose = await readComposeInputs(opts, loadedFacts);
  const params = opts.recreate ? { ...profile.params, recreate: 'standalone' as const } : profile.params;
  let input: BuildPlanInput = { facts: loadedFacts, rules, params, profileName: profile.name, compose, ...(opts.recreate ? { recreate: opts.recreate } : {}) };
  let plan = buildPlan(input);
  // Where the engine has `dockerd --validate`, a daemon.json it rejects is never offered.
  const veto = await vetPlanDaemonJson(plan, loadedFacts, opts);
  if (veto) plan = buildPlan((input = { ...input, daemonJsonVeto: veto }));
  return { facts: loadedFacts, profile, plan: { ...plan, root: opts.root }, input };
}

/**
 * Saved facts describe the files under the root they were taken under. Writing their plan under
 * another root by default would check hashes against, and back up, files the facts never saw:
 * only an explicit --root says that is meant.
 */
function assertSameRoot(facts: HostFacts, opts: PlanSourceOptions): void {
  if (!opts.from || opts.rootGiven || facts.root === undefined || path.resolve(facts.root) === opts.root) return;
  throw new UserError(
    `The facts in ${opts.from} were taken under root ${facts.root}, but this run would write under root ${opts.root}.`,
    `Pass --root ${facts.root} to write where the facts were taken, or --root ${opts.root} to write there anyway.`,
  );
}

/** The profile's rules, less those an active waiver accepts as they are. */
export function rulesToRemediate(profile: ResolvedProfile, now = new Date()): Rule[] {
  return selectRules(profile, allRules).filter((r) => !activeWaiverFor(profile.waivers, r.id, now));
}

/**
 * --compose files as projects, and the current text of every project's hardening override. A
 * --compose path is a path on this machine; under --root it must lie inside the root, and the
 * plan names it by its host path like every other file.
 */
async function readComposeInputs(
  opts: PlanSourceOptions,
  facts: HostFacts,
): Promise<{ projects: ComposeProjectInput[]; existing: Record<string, string | null> }> {
  const given: GivenComposeFile[] = [];
  for (const arg of opts.compose ?? []) {
    const local = path.resolve(arg);
    const hostPath = opts.root === '/' ? local : path.posix.join('/', path.relative(opts.root, local));
    if (opts.root !== '/' && path.relative(opts.root, local).startsWith('..')) {
      throw new UserError(`The compose file ${arg} lies outside --root ${opts.root}.`, 'Give the copy of the file that lies under the root.');
    }
    try {
      const content = await readInputText(local, INPUT_LIMITS.text);
      const st = await stat(local);
      given.push({ path: hostPath, content, meta: { mode: st.mode & 0o7777, owner: String(st.uid), group: String(st.gid) } });
    } catch (err) {
      throw new UserError(`Cannot read the compose file ${arg}: it ${describeReadError(err)}.`, 'Check the path given to --compose.');
    }
  }
  const projects = fileProjects(given);
  const existing: Record<string, string | null> = {};
  // Saved facts describe another host, whose override files cannot be read from here; --compose files are local.
  for (const p of [...(opts.from || facts.remote ? [] : facts.compose), ...projects]) {
    const file = overridePathFor(p);
    if (file && !(file in existing)) existing[file] = (await readHostText(opts.root, file)).content;
  }
  return { projects, existing };
}
