// Facts + selected rules + profile parameters -> Plan. Pure: the renderers only read facts, and
// the output order is fixed, so the same input always yields the same plan.
import type { HostFacts } from '../facts/host-facts.js';
import type { Rule } from '../rules/rule.js';
import type { HardeningParams } from '../rules/params.js';
import { ofKind } from '../rules/contribution.js';
import { renderDaemonJson } from '../artifacts/daemon-json.js';
import { renderAuditRules } from '../artifacts/audit-rules.js';
import { renderSystemdDropIns } from '../artifacts/systemd-dropins.js';
import { collectPermissions } from '../artifacts/permissions.js';
import { renderProfileEnv } from '../artifacts/profile-env.js';
import { renderDockerdHosts } from '../artifacts/tls-dockerd-hosts.js';
import { renderTlsCertificates } from '../artifacts/tls-certificates.js';
import { renderComposeOverrides } from '../artifacts/compose-override.js';
import type { ComposeProjectInput } from '../compose/load-project.js';
import { collectContributions } from './collect-contributions.js';
import { gateAmbiguousDaemon } from './ambiguous-daemon-gate.js';
import { gateBindAddress } from './bind-address-gate.js';
import { adviceNotes, dockerUpdateSteps } from './container-advice.js';
import { planEndpoint } from './docker-cli.js';
import { planSteps } from './plan-steps.js';
import { withCreatedFiles } from './planned-facts.js';
import { withImpactPaths } from './impact-paths.js';
import { leaveOut } from './leave-out.js';
import { groupByTarget, workloadNames } from './note-targets.js';
import type { Plan, PlanNote, PlanNotes } from '../plan-model/plan.js';
import { leftToOthers, planRecreates } from './recreate/plan-recreates.js';
import type { RecreateChoice } from './recreate/choose-containers.js';

export interface BuildPlanInput {
  facts: HostFacts;
  rules: readonly Rule[];
  params: HardeningParams;
  profileName: string;
  /** Set when `dockerd --validate` rejected the daemon.json this plan would write. */
  daemonJsonVeto?: string;
  /** Projects read from --compose files, and the current text of override files, as the edge read them. */
  compose?: { projects?: ComposeProjectInput[]; existing?: Record<string, string | null> };
  /** Host paths of files not to write (switched off in the wizard's Review). */
  exclude?: Iterable<string>;
  /** `--recreate=NAME,...`: recreate only these containers (--rm ones too); the profile's `recreate` switches it on. */
  recreate?: RecreateChoice;
}

export function buildPlan(input: BuildPlanInput): Plan {
  const { facts, params, profileName } = input;
  // A bindHostIp the host does not have: nothing for 5.14, and a refusal that says why.
  const bind = gateBindAddress(facts, input.rules, params, (input.compose?.projects?.length ?? 0) > 0);
  const rules = bind.rules;
  const collected = collectContributions(facts, rules, params);
  // An ambiguous daemon: nothing for its own files (daemon.json, drop-ins, their audit watches).
  const gate = gateAmbiguousDaemon(facts, collected.contributions);
  // Standalone containers recreated hardened: their `docker update` steps and recreate advice give way.
  const recreates = params.recreate === 'standalone' ? planRecreates(facts, new Set(rules.map((r) => r.id)), params, input.recreate ?? {}) : null;
  const contributions = recreates ? leftToOthers(gate.contributions, recreates.steps) : gate.contributions;
  const warnings = collected.warnings.filter((w) => !gate.droppedImpacts.has(w.text));
  const plan: Plan = {
    profile: profileName,
    facts: { source: facts.source, collectedAt: facts.collectedAt, root: facts.root },
    endpoint: planEndpoint(facts),
    files: [],
    permissions: [],
    steps: [],
    warnings: [...warnings],
    manual: [],
    refused: [...gate.refused, ...bind.refused, ...(recreates?.refused ?? [])],
    ...(recreates ? { recreates: recreates.steps } : {}),
  };
  if (recreates) plan.warnings.push(...recreates.warnings);
  const take = (notes: PlanNotes) => {
    plan.warnings.push(...notes.warnings);
    plan.manual.push(...notes.manual);
    plan.refused.push(...notes.refused);
  };

  const daemon = renderDaemonJson(facts, ofKind(contributions, 'daemon-json-set', 'daemon-json-remove'));
  take(daemon);
  if (daemon.file && daemon.file.kind !== 'unchanged' && input.daemonJsonVeto) {
    plan.refused.push({
      key: daemon.file.path,
      text: `dockerd --validate rejects the daemon.json this plan would write, so it is left as it is: ${input.daemonJsonVeto}`,
    });
    daemon.file = null;
    daemon.changedKeys = [];
  }
  if (daemon.file) plan.files.push(daemon.file);

  // Audit watches are planned for the host as this plan leaves it (a daemon.json it creates is watched too).
  const planned = withCreatedFiles(facts, [daemon.file]);
  const watches = planned === facts ? contributions : gateAmbiguousDaemon(planned, collectContributions(planned, rules, params).contributions).contributions;
  const audit = renderAuditRules({ facts: planned, contributions: ofKind(watches, 'audit-watch'), params, profileName });
  take(audit);
  if (audit.file) plan.files.push(audit.file);

  // CIS 2.8: -H values edited where they are written (ExecStart, DOCKER_OPTS) and TLS flags added.
  const hosts = renderDockerdHosts(facts, ofKind(contributions, 'dockerd-hosts'), daemon.execStart);
  take(hosts);
  plan.files.push(...hosts.files);
  const dropIns = renderSystemdDropIns(facts, ofKind(contributions, 'systemd-dropin'), hosts.execStart, profileName);
  take(dropIns);
  plan.files.push(...dropIns.files);

  const env = renderProfileEnv(facts, ofKind(contributions, 'env-file'), profileName);
  take(env);
  plan.files.push(...env.files);

  const compose = renderComposeOverrides({
    facts,
    contributions,
    params,
    profileName,
    selected: new Set(rules.map((r) => r.id)),
    fileProjects: input.compose?.projects,
    existing: input.compose?.existing,
  });
  take(compose);
  plan.files.push(...compose.files);

  const perms = collectPermissions(facts, ofKind(contributions, 'file-permission'));
  take(perms);
  plan.permissions = perms.permissions;

  // Each rule's impact warning names the files its contributions landed in.
  const scoped = withImpactPaths(warnings, contributions, {
    daemonJson: daemon.file,
    auditRules: audit.file,
    dropIns: dropIns.files,
    compose: compose.handled,
  });
  plan.warnings = plan.warnings.map((w) => scoped.get(w) ?? w);
  plan.files.sort((a, b) => a.path.localeCompare(b.path));
  Object.assign(plan, leaveOut(plan, input.exclude));
  const certificates = renderTlsCertificates(ofKind(contributions, 'tls-certificates'));
  plan.manual.push(...certificates.manual);
  const steps = planSteps({ facts, files: plan.files, daemonJsonChangedKeys: daemon.changedKeys, before: certificates.steps });
  // Live container updates go first: a daemon restart that turns on userns-remap hides the
  // containers from a later `docker update`.
  plan.steps = [...dockerUpdateSteps(ofKind(contributions, 'docker-update'), plan.endpoint), ...steps.steps];
  plan.warnings.push(...steps.warnings);
  // Compose settings that went into an override or base patch need no advice of their own.
  // A drop-in that rewrites ExecStart already settles flag/daemon.json clashes: no advice to remove one.
  const advised = contributions.filter((c) => !compose.handled.has(c) && !(daemon.execStart && c.flagConflict));
  plan.manual.push(...steps.manual, ...adviceNotes(advised, plan.endpoint));
  // One warning per rule and wording, naming every container or service it is about.
  plan.warnings = mergeNotes(groupByTarget(plan.warnings, workloadNames(facts, input.compose?.projects)));
  plan.manual = mergeNotes(plan.manual);
  return plan;
}

/** Several rules often say the same thing (a broken daemon.json, br_netfilter): say it once, naming them all. */
export function mergeNotes(notes: readonly PlanNote[]): PlanNote[] {
  const byText = new Map<string, PlanNote>();
  for (const note of notes) {
    const seen = byText.get(note.text);
    if (!seen) {
      byText.set(note.text, { ...note });
      continue;
    }
    if (note.ruleId && !seen.ruleId?.split(', ').includes(note.ruleId)) seen.ruleId = seen.ruleId ? `${seen.ruleId}, ${note.ruleId}` : note.ruleId;
    // The same words about several files are about each of them.
    if (note.paths) seen.paths = [...new Set([...(seen.paths ?? []), ...note.paths])].sort();
  }
  return [...byText.values()];
}
