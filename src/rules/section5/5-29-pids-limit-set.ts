// 5.29: without a PIDs limit a fork bomb in one container exhausts the host's process table.
import { passIf } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

export const pidsLimit: WorkloadItem = {
  id: '5.29',
  fixes: ['fail'],
  judge: (w) => {
    const detail = `HostConfig.PidsLimit: ${JSON.stringify(w.pidsLimit)}`;
    const limited = w.pidsLimit !== null && w.pidsLimit > 0;
    return passIf(limited, `${w.who} may run at most ${w.pidsLimit} processes.`, `${w.who} has no PIDs limit.`, detail);
  },
  fix: (w, params) => ({
    compose: [{ key: 'pids_limit', value: params.pidsLimit }],
    update: [{ flag: '--pids-limit', value: String(params.pidsLimit) }],
    impact: `${w.who} cannot run more than ${params.pidsLimit} processes and threads.`,
  }),
};

export const pidsLimitSet = workloadRule(pidsLimit, {
  title: 'Ensure that the PIDs cgroup limit is used',
  severity: 'medium',
  rationale:
    'A process or thread explosion (fork bomb, runaway worker pool) inside one unlimited container can exhaust the host PID space and stop every other service from starting processes.',
  impact: 'A container that legitimately needs more processes or threads than the limit fails to fork ("Resource temporarily unavailable").',
  remediation:
    'Set `--pids-limit <n>` (`docker update --pids-limit 256 <container>` works live; Compose `pids_limit`). The profile parameter pidsLimit sets the value; 0, -1 and unset fail.',
  references: ['CIS Docker Benchmark v1.8.0, 5.29', 'https://docs.docker.com/reference/cli/docker/container/run/#pids-limit'],
});
