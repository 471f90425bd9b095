// 5.11: without a memory limit one container can push the whole host into the OOM killer.
import { doubledSize } from './remediation.js';
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

export const memoryLimit: WorkloadItem = {
  id: '5.11',
  fixes: ['fail'],
  judge: (w) => {
    const detail = `HostConfig.Memory: ${typeof w.memory === 'number' ? w.memory : 0}`;
    if (w.memory === null) return verdict('fail', `${w.who} has no memory limit.`, detail);
    const size = typeof w.memory === 'number' ? `${Math.round(w.memory / 1048576)} MiB` : w.memory;
    return verdict('pass', `${w.who} is limited to ${size} of memory.`, detail);
  },
  fix: (w, params) => ({
    compose: [{ key: 'mem_limit', value: params.memoryLimit }],
    // `docker update --memory` on a container created without limits also needs --memory-swap.
    update: [
      { flag: '--memory', value: params.memoryLimit },
      { flag: '--memory-swap', value: doubledSize(params.memoryLimit) },
    ],
    impact: `${w.who} is OOM-killed if it needs more than ${params.memoryLimit}.`,
  }),
};

export const memoryLimited = workloadRule(memoryLimit, {
  title: 'Ensure that the memory usage for containers is limited',
  severity: 'medium',
  rationale:
    'A container without a memory limit can consume all host memory, so a leak or an attack in one service degrades or kills every other service and the daemon itself.',
  impact: 'A container that needs more than the limit is OOM-killed; size the limit from its real peak usage (`docker stats`).',
  remediation:
    'Set a limit: `docker update --memory 512m --memory-swap 1024m <container>` for a running container (both flags in one call: the engine refuses --memory alone on a container created without limits), `--memory` on docker run, or `mem_limit` in Compose. The profile parameter memoryLimit sets the value.',
  references: ['CIS Docker Benchmark v1.8.0, 5.11', 'https://docs.docker.com/engine/containers/resource_constraints/#memory'],
});
