// CIS 2.19: experimental features off in production. The engine's ExperimentalBuild field reports
// the live value (experimental is a runtime switch since Engine 18.09).
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult, Rule } from '../rule.js';
import { configBlocker, engineInfo, liveReading, readOption, type JsonKind, type Reading } from './support.js';
import { settingResult } from './setting.js';
import { blockerAdvice, hasFailure, remedySetting } from './remedy.js';

const KEYS: Record<string, JsonKind> = { experimental: 'boolean' };
const ok = (v: unknown) => v !== true;

function live(facts: HostFacts): Reading | undefined {
  const v = engineInfo(facts)?.ExperimentalBuild;
  return typeof v === 'boolean' ? liveReading(v, `docker info: ExperimentalBuild=${v}`) : undefined;
}

function check(facts: HostFacts): CheckResult[] {
  const blocked = configBlocker(facts, KEYS);
  if (blocked) return [blocked];
  return [settingResult(facts, {
    subject: 'the experimental setting',
    configured: readOption(facts, 'experimental', false),
    live: live(facts),
    ok,
    pass: (r) => `Experimental features are off (${r.where})`,
    fail: (r) => `Experimental features are on (${r.where}), so unfinished and less reviewed daemon code is reachable through the API`,
  })];
}

function remediate(facts: HostFacts): Contribution[] {
  if (!hasFailure(check(facts))) return [];
  const blocked = blockerAdvice(facts, Object.keys(KEYS));
  if (blocked) return [blocked];
  return remedySetting(facts, {
    key: 'experimental',
    configured: readOption(facts, 'experimental', false),
    ok,
    fix: () => [{
      kind: 'daemon-json-remove',
      key: 'experimental',
      reason: 'experimental daemon features are not meant for production',
      impact: 'Experimental features in use (e.g. checkpoint/restore) stop working after dockerd restarts.',
    }],
  });
}

export const noExperimentalFeaturesRule: Rule = {
  id: '2.19',
  aliases: { '1.7.0': '2.18', '1.6.0': '2.18' },
  title: 'Ensure that experimental features are not implemented in production',
  section: 2,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale: 'Experimental features are unfinished, change without notice and get less security review, so they widen the daemon\'s attack surface.',
  impact: 'Experimental features in use (e.g. checkpoint/restore) stop working.',
  remediation: 'Remove "experimental": true from daemon.json (or the --experimental flag) and restart dockerd.',
  references: [
    'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
    'CIS Docker Benchmark v1.8.0, 2.19',
  ],
  check,
  remediate,
};
