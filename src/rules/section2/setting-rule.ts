// The shape most section-2 rules share: one daemon option, read from its flag or daemon.json (type
// and default from the key table) and, where the engine reports it, live; judged by settingResult
// and fixed by remedySetting unless daemon.json cannot take the edit yet. A rule built here is its
// metadata plus the few functions that are really its own: what a good value is, the sentences,
// and the fix.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { HardeningParams } from '../params.js';
import type { CheckResult, Rule, RuleMeta } from '../rule.js';
import { readOption, type Reading } from './support.js';
import { configBlocker } from './config-blocker.js';
import { settingResult } from './setting.js';
import { blockerAdvice, hasFailure, remedySetting } from './remedy.js';

export type DaemonRuleMeta = Omit<RuleMeta, 'section' | 'checks'>;

export interface DaemonSetting {
  /** The daemon.json key (or dockerd flag) the rule decides and fixes. */
  key: string;
  /** Other keys it reads: a flag clash or a wrong type in any of them blocks the rule as well. */
  reads?: string[];
  /** What the option is, for the 'warn' message ("the icc setting"). */
  subject: string;
  /** The configured value; readOption(facts, key) unless the rule normalises it. */
  configured?(facts: HostFacts): Reading | undefined;
  /** The value the running engine reports, where it reports one. */
  live?(facts: HostFacts): Reading | undefined;
  ok(value: unknown): boolean;
  /** Clauses (no final period) for a good or bad value and where it came from. */
  pass(reading: Reading, facts: HostFacts): string;
  fail(reading: Reading, facts: HostFacts): string;
  /** How a value reads in the "pending restart" note; JSON by default. */
  show?(value: unknown): string;
  /** Whether two values mean the same for this rule; JSON equality by default. */
  same?(a: unknown, b: unknown): boolean;
  /** A result that settles the rule before the value is weighed (bridge "none", a swarm node), or null. */
  decide?(facts: HostFacts, configured: Reading | undefined, live: Reading | undefined): CheckResult | null;
  /** The daemon.json edit for a bad value that daemon.json or the default gives (a flag gets advice instead). */
  fix?(reading: Reading, facts: HostFacts, params: HardeningParams): Contribution[];
  /**
   * The remedy, where it is not the usual one (`usual` runs remedySetting with `fix`): advice only,
   * or a case that must not be fixed as usual. Called after daemon.json is known to take edits.
   */
  remedy?(facts: HostFacts, params: HardeningParams, usual: () => Contribution[]): Contribution[];
}

export function daemonSettingRule(meta: DaemonRuleMeta, s: DaemonSetting): Rule {
  const keys = [s.key, ...(s.reads ?? [])];
  const configured = (facts: HostFacts) => (s.configured ? s.configured(facts) : readOption(facts, s.key));

  function check(facts: HostFacts): CheckResult[] {
    const blocked = configBlocker(facts, keys);
    if (blocked) return [blocked];
    const c = configured(facts);
    const live = s.live?.(facts);
    const decided = s.decide?.(facts, c, live);
    if (decided) return [decided];
    return [
      settingResult(facts, {
        subject: s.subject,
        configured: c,
        live,
        ok: s.ok,
        show: s.show,
        same: s.same,
        pass: (r) => s.pass(r, facts),
        fail: (r) => s.fail(r, facts),
      }),
    ];
  }

  function remediate(facts: HostFacts, params: HardeningParams, results = check(facts)): Contribution[] {
    if (!hasFailure(results)) return [];
    const blocked = blockerAdvice(facts, keys);
    if (blocked) return [blocked];
    const usual = () => remedySetting(facts, { key: s.key, configured: configured(facts), ok: s.ok, fix: (r) => s.fix?.(r, facts, params) ?? [] });
    return s.remedy ? s.remedy(facts, params, usual) : usual();
  }

  return { ...meta, section: 2, checks: 'facts', check, ...(s.fix || s.remedy ? { remediate } : {}) };
}
