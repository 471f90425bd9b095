// What the wizard shows, made by the same services the commands use: the audit over the whole
// catalog, and a plan per profile through makePlan (the same path as `plan`, waivers and
// `dockerd --validate` included).
import type { GlobalOptions } from '../services/options.js';
import type { HostFacts } from '../facts/host-facts.js';
import type { AuditReport } from '../audit/findings.js';
import { describeError, UserError } from '../core/errors.js';
import { runAudit } from '../audit/run-audit.js';
import { allRules } from '../rules/catalog.js';
import { listProfiles } from '../profiles/index.js';
import { makePlan, type PlannedChange } from '../services/plan-source.js';
import { changedFiles, closedIds } from './model/plan-view.js';
import type { ProfileChoice } from './ui/screens/profile-screen.js';

export type FactsOptions = Pick<GlobalOptions, 'root' | 'dockerHost' | 'from'>;

export function auditHost(facts: HostFacts): AuditReport {
  return runAudit(facts, allRules);
}

/** The plan for a shipped profile name or a profile file, as `plan` would show it. */
export async function planFor(opts: FactsOptions, facts: HostFacts, profile: string): Promise<PlannedChange> {
  return makePlan({ ...opts, profile }, facts);
}

export interface PlannedChoice {
  choice: ProfileChoice;
  planned?: PlannedChange;
}

/** Every shipped profile with its plan for this host. Never rejects: a failure is shown on its row. */
export async function profileChoices(opts: FactsOptions, facts: HostFacts): Promise<PlannedChoice[]> {
  const shipped = await listProfiles().catch(() => []);
  return Promise.all(
    shipped.map(async ({ name, description }): Promise<PlannedChoice> => {
      try {
        const planned = await planFor(opts, facts, name);
        return { choice: { name, description, plan: { files: changedFiles(planned.plan).length, closes: closedIds(planned.plan).length } }, planned };
      } catch (err) {
        return { choice: { name, description, error: describeError(err) } };
      }
    }),
  );
}

/** One sentence for the screen, with the hint a UserError carries. */
export function explain(err: unknown): string {
  return err instanceof UserError && err.hint ? `${err.message} ${err.hint}` : describeError(err);
}
