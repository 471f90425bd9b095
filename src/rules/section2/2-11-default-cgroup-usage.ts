// CIS 2.11: keep the default cgroup parent. A set value is reported so it gets confirmed (or waived);
// one that is not a *.slice under the systemd cgroup driver stops dockerd outright.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult, Rule } from '../rule.js';
import { configBlocker, engineInfo, readOption, type JsonKind } from './support.js';
import { settingResult } from './setting.js';
import { blockerAdvice, hasFailure, manual } from './remedy.js';

const KEYS: Record<string, JsonKind> = { 'cgroup-parent': 'string', 'exec-opts': 'string[]' };
const ok = (v: unknown) => v === '' || v === undefined;

/** Whether dockerd uses the systemd cgroup driver: engine info, else native.cgroupdriver in exec-opts. */
function systemdDriver(facts: HostFacts): boolean {
  const info = engineInfo(facts);
  if (typeof info?.CgroupDriver === 'string') return info.CgroupDriver === 'systemd';
  const opts = readOption(facts, 'exec-opts', [])?.value;
  return Array.isArray(opts) && opts.some((o) => String(o).replace(/\s/g, '') === 'native.cgroupdriver=systemd');
}

function check(facts: HostFacts): CheckResult[] {
  const blocked = configBlocker(facts, KEYS);
  if (blocked) return [blocked];
  const configured = readOption(facts, 'cgroup-parent', '');
  const fatal = typeof configured?.value === 'string' && configured.value !== '' && systemdDriver(facts) && !configured.value.endsWith('.slice');
  return [settingResult(facts, {
    subject: 'the cgroup parent',
    configured,
    ok,
    pass: (r) => `cgroup-parent is not set (${r.where}), so containers use dockerd's default cgroup parent`,
    fail: (r) =>
      fatal
        ? `cgroup-parent is ${JSON.stringify(r.value)} (${r.where}), which is not a *.slice while dockerd uses the systemd cgroup driver, so dockerd refuses to start`
        : `cgroup-parent is ${JSON.stringify(r.value)} (${r.where}) instead of the default; confirm that this cgroup's limits are intended or waive this rule`,
  })];
}

function remediate(facts: HostFacts): Contribution[] {
  if (!hasFailure(check(facts))) return [];
  const blocked = blockerAdvice(facts, Object.keys(KEYS));
  if (blocked) return [blocked];
  // Moving containers to another cgroup changes their resource accounting: a human decides.
  return [manual('Confirm the cgroup-parent setting: if containers need no special parent cgroup, remove "cgroup-parent" from daemon.json (or the --cgroup-parent flag) and restart dockerd; with the systemd cgroup driver any value must be a *.slice.')];
}

export const defaultCgroupUsageRule: Rule = {
  id: '2.11',
  aliases: { '1.7.0': '2.10', '1.6.0': '2.10' },
  title: 'Ensure the default cgroup usage has been confirmed',
  section: 2,
  level: 2,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale:
    'The parent cgroup decides which resource limits all containers share; a non-default parent should be deliberate, because a wrong one can lift limits or starve the host of resources.',
  impact: 'Changing the parent cgroup moves new containers under different limits and accounting.',
  remediation:
    'Leave "cgroup-parent" unset unless the site needs containers under a specific cgroup; if it does, document it (a *.slice with the systemd cgroup driver) and waive this rule.',
  references: [
    'https://docs.docker.com/reference/cli/dockerd/#default-cgroup-parent',
    'CIS Docker Benchmark v1.8.0, 2.11',
  ],
  check,
  remediate,
};
