// Facts + selected rules + profile parameters -> Plan. Pure: the renderers only read facts, and
// the output order is fixed, so the same input always yields the same plan.
import type { HostFacts } from '../facts/host-facts.js';
import type { Rule } from '../rules/rule.js';
import type { HardeningParams } from '../rules/params.js';
import { ofKind } from '../artifacts/contributions.js';
import { renderDaemonJson } from '../artifacts/daemon-json.js';
import { renderAuditRules } from '../artifacts/audit-rules.js';
import { renderSystemdDropIns } from '../artifacts/systemd-dropins.js';
import { collectPermissions } from '../artifacts/permissions.js';
import { renderProfileEnv } from '../artifacts/profile-env.js';
import { collectContributions } from './collect-contributions.js';
import { adviceNotes, dockerUpdateSteps } from './container-advice.js';
import { planSteps } from './plan-steps.js';
import type { Plan, PlanNotes } from './plan.js';

export interface BuildPlanInput {
  facts: HostFacts;
  rules: readonly Rule[];
  params: HardeningParams;
  profileName: string;
  /** Set when `dockerd --validate` rejected the daemon.json this plan would write. */
  daemonJsonVeto?: string;
}

export function buildPlan(input: BuildPlanInput): Plan {
  const { facts, params, profileName } = input;
  const { contributions, warnings } = collectContributions(facts, input.rules, params);
  const plan: Plan = {
    profile: profileName,
    facts: { source: facts.source, collectedAt: facts.collectedAt, root: facts.root },
    files: [],
    permissions: [],
    steps: [],
    warnings,
    manual: [],
    refused: [],
  };
  const take = (notes: PlanNotes) => {
    plan.warnings.push(...notes.warnings);
    plan.manual.push(...notes.manual);
    plan.refused.push(...notes.refused);
  };

  const daemon = renderDaemonJson(facts, ofKind(contributions, 'daemon-json-set', 'daemon-json-remove'));
  take(daemon);
  if (daemon.file && daemon.file.kind !== 'unchanged' && input.daemonJsonVeto) {
    plan.refused.push({ key: daemon.file.path, text: `dockerd --validate rejects the daemon.json this plan would write, so it is left as it is: ${input.daemonJsonVeto}` });
    daemon.file = null;
    daemon.changedKeys = [];
  }
  if (daemon.file) plan.files.push(daemon.file);

  const audit = renderAuditRules({ facts, contributions: ofKind(contributions, 'audit-watch'), params, profileName });
  take(audit);
  if (audit.file) plan.files.push(audit.file);

  const dropIns = renderSystemdDropIns(facts, ofKind(contributions, 'systemd-dropin'), daemon.execStart, profileName);
  take(dropIns);
  plan.files.push(...dropIns.files);

  const env = renderProfileEnv(facts, ofKind(contributions, 'env-file'), profileName);
  take(env);
  plan.files.push(...env.files);

  const perms = collectPermissions(facts, ofKind(contributions, 'file-permission'));
  take(perms);
  plan.permissions = perms.permissions;

  plan.files.sort((a, b) => a.path.localeCompare(b.path));
  const steps = planSteps({ facts, files: plan.files, daemonJsonChangedKeys: daemon.changedKeys });
  plan.steps = [...steps.steps, ...dockerUpdateSteps(ofKind(contributions, 'docker-update'))];
  plan.warnings.push(...steps.warnings);
  plan.manual.push(...steps.manual, ...adviceNotes(contributions));
  return plan;
}
