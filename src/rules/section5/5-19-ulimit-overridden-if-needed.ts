// 5.19: per-container ulimits should exist only where needed; the tool cannot know need, so an
// override is shown for review, and only one that lifts a limit altogether (-1) fails.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { perContainer, verdict } from './support.js';

interface Ulimit {
  Name: string;
  Soft: number;
  Hard: number;
}

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const ulimits = (c.hostConfig.Ulimits ?? []) as Ulimit[];
    if (ulimits.length === 0) return verdict('pass', `Container ${c.name} inherits the daemon's default ulimits.`, 'HostConfig.Ulimits: []');
    const details = ulimits.map((u) => `HostConfig.Ulimits: ${u.Name}=${u.Soft}:${u.Hard}`);
    const unlimited = ulimits.filter((u) => Number(u.Soft) < 0 || Number(u.Hard) < 0);
    if (unlimited.length > 0) {
      return verdict('fail', `Container ${c.name} lifts the ${unlimited.map((u) => u.Name).join(', ')} limit entirely.`, ...details);
    }
    return verdict('manual', `Container ${c.name} overrides ulimits (${ulimits.map((u) => u.Name).join(', ')}); confirm it needs them.`, ...details);
  });
}

export const ulimitOverriddenIfNeeded: Rule = {
  id: '5.19',
  aliases: { '1.7.0': '5.19', '1.6.0': '5.19' },
  title: 'Ensure that the default ulimit is overwritten at runtime if needed',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale:
    'Ulimits cap open files and processes per container; overriding the daemon default should be a deliberate exception, and an unlimited value (-1) removes the cap that protects the host.',
  impact: 'Lowering or restoring a limit can make a service that opens many files or threads fail with EMFILE or EAGAIN.',
  remediation:
    "Leave containers on the daemon's default ulimits (item 2.9) and override with `--ulimit name=soft:hard` (Compose `ulimits:`) only where a service needs it, never -1. No override passes; an override is listed for review; an unlimited one fails.",
  references: ['CIS Docker Benchmark v1.8.0, 5.19', 'https://docs.docker.com/reference/cli/docker/container/run/#ulimit'],
  check,
};
