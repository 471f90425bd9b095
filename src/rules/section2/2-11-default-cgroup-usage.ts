// CIS 2.11: keep the default cgroup parent. A set value is reported so it gets confirmed (or waived);
// one that is not a *.slice under the systemd cgroup driver stops dockerd outright.
import type { HostFacts } from '../../facts/host-facts.js';
import { engineInfo, readOption } from './support.js';
import { manual } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';

/** Whether dockerd uses the systemd cgroup driver: engine info, else native.cgroupdriver in exec-opts. */
function systemdDriver(facts: HostFacts): boolean {
  const info = engineInfo(facts);
  if (typeof info?.CgroupDriver === 'string') return info.CgroupDriver === 'systemd';
  const opts = readOption(facts, 'exec-opts')?.value;
  return Array.isArray(opts) && opts.some((o) => String(o).replace(/\s/g, '') === 'native.cgroupdriver=systemd');
}

export const defaultCgroupUsageRule = daemonSettingRule(
  {
    id: '2.11',
    aliases: { '1.7.0': '2.10', '1.6.0': '2.10' },
    title: 'Ensure the default cgroup usage has been confirmed',
    level: 2,
    automated: false,
    severity: 'low',
    rationale:
      'The parent cgroup decides which resource limits all containers share; a non-default parent should be deliberate, because a wrong one can lift limits or starve the host of resources.',
    impact: 'Changing the parent cgroup moves new containers under different limits and accounting.',
    remediation:
      'Leave "cgroup-parent" unset unless the site needs containers under a specific cgroup; if it does, document it (a *.slice with the systemd cgroup driver) and waive this rule.',
    references: ['https://docs.docker.com/reference/cli/dockerd/#default-cgroup-parent', 'CIS Docker Benchmark v1.8.0, 2.11'],
  },
  {
    key: 'cgroup-parent',
    reads: ['exec-opts'],
    subject: 'the cgroup parent',
    ok: (v) => v === '' || v === undefined,
    pass: (r) => `cgroup-parent is not set (${r.where}), so containers use dockerd's default cgroup parent`,
    fail: (r, facts) =>
      typeof r.value === 'string' && systemdDriver(facts) && !r.value.endsWith('.slice')
        ? `cgroup-parent is ${JSON.stringify(r.value)} (${r.where}), which is not a *.slice while dockerd uses the systemd cgroup driver, so dockerd refuses to start`
        : `cgroup-parent is ${JSON.stringify(r.value)} (${r.where}) instead of the default; confirm that this cgroup's limits are intended or waive this rule`,
    // Moving containers to another cgroup changes their resource accounting: a human decides.
    remedy: () => [
      manual(
        'Confirm the cgroup-parent setting: if containers need no special parent cgroup, remove "cgroup-parent" from daemon.json (or the --cgroup-parent flag) and restart dockerd; with the systemd cgroup driver any value must be a *.slice.',
      ),
    ],
  },
);
