// 5.11: without a memory limit one container can push the whole host into the OOM killer.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { doubledSize, remediateFailures } from './remediation.js';
import { perContainer, verdict } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const bytes = Number(c.hostConfig.Memory ?? 0);
    return bytes > 0
      ? verdict('pass', `Container ${c.name} is limited to ${Math.round(bytes / 1048576)} MiB of memory.`, `HostConfig.Memory: ${bytes}`)
      : verdict('fail', `Container ${c.name} has no memory limit.`, `HostConfig.Memory: ${bytes}`);
  });
}

export const memoryLimited: Rule = {
  id: '5.11',
  aliases: { '1.7.0': '5.11', '1.6.0': '5.11' },
  title: 'Ensure that the memory usage for containers is limited',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale:
    'A container without a memory limit can consume all host memory, so a leak or an attack in one service degrades or kills every other service and the daemon itself.',
  impact: 'A container that needs more than the limit is OOM-killed; size the limit from its real peak usage (`docker stats`).',
  remediation:
    'Set a limit: `docker update --memory 512m --memory-swap 1024m <container>` for a running container (both flags in one call: the engine refuses --memory alone on a container created without limits), `--memory` on docker run, or `mem_limit` in Compose. The profile parameter memoryLimit sets the value.',
  references: ['CIS Docker Benchmark v1.8.0, 5.11', 'https://docs.docker.com/engine/containers/resource_constraints/#memory'],
  check,
  remediate: (facts, params) =>
    remediateFailures(facts, check, (c) => ({
      compose: [{ key: 'mem_limit', value: params.memoryLimit }],
      update: [
        { flag: '--memory', value: params.memoryLimit },
        { flag: '--memory-swap', value: doubledSize(params.memoryLimit) },
      ],
      impact: `Container ${c.name} is OOM-killed if it needs more than ${params.memoryLimit}.`,
    })),
};
