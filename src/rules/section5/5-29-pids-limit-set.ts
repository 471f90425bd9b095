// 5.29: without a PIDs limit a fork bomb in one container exhausts the host's process table.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const limit = c.hostConfig.PidsLimit;
    const detail = `HostConfig.PidsLimit: ${JSON.stringify(limit ?? null)}`;
    return typeof limit === 'number' && limit > 0
      ? verdict('pass', `Container ${c.name} may run at most ${limit} processes.`, detail)
      : verdict('fail', `Container ${c.name} has no PIDs limit.`, detail);
  });
}

export const pidsLimitSet: Rule = {
  id: '5.29',
  aliases: { '1.7.0': '5.29', '1.6.0': '5.29' },
  title: 'Ensure that the PIDs cgroup limit is used',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale: 'A process or thread explosion (fork bomb, runaway worker pool) inside one unlimited container can exhaust the host PID space and stop every other service from starting processes.',
  impact: 'A container that legitimately needs more processes or threads than the limit fails to fork ("Resource temporarily unavailable").',
  remediation:
    'Set `--pids-limit <n>` (`docker update --pids-limit 256 <container>` works live; Compose `pids_limit`). The profile parameter pidsLimit sets the value; 0, -1 and unset fail.',
  references: ['CIS Docker Benchmark v1.8.0, 5.29', 'https://docs.docker.com/reference/cli/docker/container/run/#pids-limit'],
  check,
  remediate: (facts, params) =>
    remediateFailures(facts, check, (c) => ({
      compose: [{ key: 'pids_limit', value: params.pidsLimit }],
      update: [{ flag: '--pids-limit', value: String(params.pidsLimit) }],
      impact: `Container ${c.name} cannot run more than ${params.pidsLimit} processes and threads.`,
    })),
};
