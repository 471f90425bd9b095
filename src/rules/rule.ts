// The shape of a CIS rule: metadata as data, a pure check over HostFacts, and an optional pure
// remediate that returns typed contributions for the artifact renderers.
import type { HostFacts } from '../facts/host-facts.js';
import type { Contribution } from './contribution.js';

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'manual' | 'not-applicable';
export type Section = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface RuleMeta {
  /** CIS Docker Benchmark v1.8.0 id, e.g. "2.15". */
  id: string;
  /** The same item's ids in earlier benchmark versions, e.g. { "1.7.0": "2.14", "1.6.0": "2.14" }. */
  aliases: Record<string, string>;
  title: string;
  section: Section;
  level: 1 | 2;
  /** The benchmark's own Automated/Manual label (metadata only). */
  automated: boolean;
  /**
   * How this tool decides the item: 'facts' = check() returns pass/fail from HostFacts (such rules
   * ship pass and fail fixtures); 'manual' = check() returns 'manual' with guidance, never a pretend pass.
   */
  checks: 'facts' | 'manual';
  severity: Severity;
  rationale: string;
  /** What applying the fix may break. */
  impact: string;
  remediation: string;
  references: string[];
}

/** What decided a result: the exact key, flag, path, mode, container or setting. */
export interface Evidence {
  /** e.g. "daemon.json", "flag", "file", "container", "audit", "compose". */
  kind: string;
  /** e.g. "/etc/docker/daemon.json: \"icc\": true", "--log-level=debug", "/etc/docker mode 0777". */
  detail: string;
  container?: string;
  service?: string;
  project?: string;
  path?: string;
}

export interface CheckResult {
  status: CheckStatus;
  /** One sentence explaining the status. */
  message: string;
  evidence: Evidence[];
  /**
   * The result's own severity where the thing found decides it rather than the item (4.4: the worst
   * vulnerability a scan found); the rule's severity otherwise.
   */
  severity?: Severity;
  /** Set for per-container (or per-service) results. */
  subject?: { container?: string; service?: string; project?: string /** Image reference, for per-image results (section 4). */; image?: string };
}

import type { HardeningParams } from './params.js';

export interface Rule extends RuleMeta {
  check(facts: HostFacts): CheckResult[];
  /**
   * Contributions that close this rule's failures. Absent where the fix is manual only. `results` is
   * what check(facts) returned, passed by the planner so the check does not run twice; a rule runs
   * the check itself when it is absent.
   */
  remediate?(facts: HostFacts, params: HardeningParams, results?: CheckResult[]): Contribution[];
  /** Also remediate 'warn' results (e.g. 5.4's "default capabilities kept") when a profile selects the rule. */
  remediatesWarnings?: boolean;
}
