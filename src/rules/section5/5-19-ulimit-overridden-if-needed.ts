// 5.19: per-container ulimits should exist only where needed; the tool cannot know need, so an
// override is shown for review, and only one that lifts a limit altogether (-1) fails.
import { verdict } from './support.js';
import { containerRule } from './workload-rule.js';

export const ulimitOverriddenIfNeeded = containerRule(
  {
    id: '5.19',
    title: 'Ensure that the default ulimit is overwritten at runtime if needed',
    severity: 'low',
    rationale:
      'Ulimits cap open files and processes per container; overriding the daemon default should be a deliberate exception, and an unlimited value (-1) removes the cap that protects the host.',
    impact: 'Lowering or restoring a limit can make a service that opens many files or threads fail with EMFILE or EAGAIN.',
    remediation:
      "Leave containers on the daemon's default ulimits (item 2.9) and override with `--ulimit name=soft:hard` (Compose `ulimits:`) only where a service needs it, never -1. No override passes; an override is listed for review; an unlimited one fails.",
    references: ['CIS Docker Benchmark v1.8.0, 5.19', 'https://docs.docker.com/reference/cli/docker/container/run/#ulimit'],
  },
  (c) => {
    const { ulimits } = c.inspect;
    if (ulimits.length === 0) return verdict('pass', `Container ${c.name} inherits the daemon's default ulimits.`, 'HostConfig.Ulimits: []');
    const details = ulimits.map((u) => `HostConfig.Ulimits: ${u.name}=${u.soft}:${u.hard}`);
    const unlimited = ulimits.filter((u) => u.soft < 0 || u.hard < 0);
    if (unlimited.length > 0) return verdict('fail', `Container ${c.name} lifts the ${unlimited.map((u) => u.name).join(', ')} limit entirely.`, ...details);
    return verdict('manual', `Container ${c.name} overrides ulimits (${ulimits.map((u) => u.name).join(', ')}); confirm it needs them.`, ...details);
  },
);
