// 5.25: a custom cgroup parent moves the container out of the daemon's cgroup tree, and with it
// out of any limits set there. The tool cannot confirm intent, so any custom parent fails and
// should be waived where deliberate.
import { passIf } from './support.js';
import { containerRule } from './workload-rule.js';

export const cgroupUsageConfirmed = containerRule(
  {
    id: '5.25',
    title: 'Ensure that cgroup usage is confirmed',
    severity: 'low',
    rationale:
      "Containers under the daemon's cgroup parent share the limits and accounting set for Docker; a custom --cgroup-parent can place a container where those limits do not apply.",
    impact: 'Moving the container back changes which resource limits and accounting apply to it.',
    remediation:
      'Do not use `--cgroup-parent` (Compose `cgroup_parent`) unless a resource-management design requires it; if it does, waive this item with that reason.',
    references: ['CIS Docker Benchmark v1.8.0, 5.25', 'https://docs.docker.com/reference/cli/docker/container/run/#cgroup-parent'],
  },
  (c) => {
    const parent = c.inspect.cgroupParent;
    return passIf(
      parent === '',
      `Container ${c.name} uses the daemon's default cgroup parent.`,
      `Container ${c.name} runs under the custom cgroup parent ${parent}; confirm it is intended or waive this item.`,
      `HostConfig.CgroupParent: ${JSON.stringify(parent)}`,
    );
  },
);
