// 5.12: CPU shares of 0 or 1024 are the engine default: the container competes for CPU on equal
// terms with everything else, so a busy one can starve its neighbours.
import { passIf } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

export const cpuShares: WorkloadItem = {
  id: '5.12',
  fixes: ['fail'],
  judge: (w) => {
    const detail = `HostConfig.CpuShares: ${w.cpuShares}`;
    const isDefault = w.cpuShares === 0 || w.cpuShares === 1024;
    return passIf(!isDefault, `${w.who} has CPU shares set to ${w.cpuShares}.`, `${w.who} runs with the default CPU priority.`, detail);
  },
  fix: (w, params) => ({
    compose: [{ key: 'cpu_shares', value: params.cpuShares }],
    update: [{ flag: '--cpu-shares', value: String(params.cpuShares) }],
    impact: `${w.who} gets ${params.cpuShares}/1024 of the default CPU weight when the CPU is contended.`,
  }),
};

export const cpuPrioritySet = workloadRule(cpuShares, {
  title: 'Ensure that CPU priority is set appropriately on containers',
  severity: 'low',
  rationale:
    'Relative CPU shares decide who wins when the CPU is contended; without them a runaway or attacked container gets as much CPU as the services that matter.',
  impact: 'Under contention the container gets proportionally less CPU; shares have no effect while the CPU is idle.',
  remediation:
    'Give each container a deliberate share: `docker update --cpu-shares 512 <container>`, `--cpu-shares` on docker run, or `cpu_shares` in Compose (profile parameter cpuShares). 0 and 1024 are the default and fail this check.',
  references: ['CIS Docker Benchmark v1.8.0, 5.12', 'https://docs.docker.com/engine/containers/resource_constraints/#cpu'],
});
