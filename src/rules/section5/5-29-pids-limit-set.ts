// 5.29: without a PIDs limit a fork bomb in one container exhausts the host's process table.
import type { Rule } from '../rule.js';
import { verdict } from './support.js';
import { checkWorkloads, remediateWorkloads, type WorkloadItem } from './workload-item.js';

export const pidsLimit: WorkloadItem = {
  id: '5.29',
  fixes: ['fail'],
  judge: (w) => {
    const detail = `HostConfig.PidsLimit: ${JSON.stringify(w.pidsLimit)}`;
    return w.pidsLimit !== null && w.pidsLimit > 0
      ? verdict('pass', `${w.who} may run at most ${w.pidsLimit} processes.`, detail)
      : verdict('fail', `${w.who} has no PIDs limit.`, detail);
  },
  fix: (w, params) => ({
    compose: [{ key: 'pids_limit', value: params.pidsLimit }],
    update: [{ flag: '--pids-limit', value: String(params.pidsLimit) }],
    impact: `${w.who} cannot run more than ${params.pidsLimit} processes and threads.`,
  }),
};

export const pidsLimitSet: Rule = {
  id: '5.29',
  aliases: { '1.7.0': '5.29', '1.6.0': '5.29' },
  title: 'Ensure that the PIDs cgroup limit is used',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale:
    'A process or thread explosion (fork bomb, runaway worker pool) inside one unlimited container can exhaust the host PID space and stop every other service from starting processes.',
  impact: 'A container that legitimately needs more processes or threads than the limit fails to fork ("Resource temporarily unavailable").',
  remediation:
    'Set `--pids-limit <n>` (`docker update --pids-limit 256 <container>` works live; Compose `pids_limit`). The profile parameter pidsLimit sets the value; 0, -1 and unset fail.',
  references: ['CIS Docker Benchmark v1.8.0, 5.29', 'https://docs.docker.com/reference/cli/docker/container/run/#pids-limit'],
  check: checkWorkloads(pidsLimit),
  remediate: remediateWorkloads(pidsLimit),
};
