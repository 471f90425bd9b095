// 6.2: stopped containers keep their writable layers, logs and configuration (and secrets in
// their environment). A few are normal; the check warns when stopped containers exceed the
// threshold or outnumber running ones, and fails when both hold.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { factsItem } from '../item-rule.js';
import { engineGate, listText } from '../section5/support.js';
import { containersByState, STOPPED_CONTAINER_THRESHOLD } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  const gate = engineGate(facts);
  if (gate) return gate;
  const { running, stopped } = containersByState(facts);
  const evidence = [{ kind: 'engine', detail: `${running.length} running, ${stopped.length} stopped container(s)` }];
  if (stopped.length > 0)
    evidence.push({ kind: 'engine', detail: `stopped: ${listText(stopped.map((c) => `${c.name} (${c.raw.State?.Status ?? 'stopped'})`))}` });
  const overThreshold = stopped.length > STOPPED_CONTAINER_THRESHOLD;
  const outnumber = stopped.length > running.length;
  if (overThreshold && outnumber) {
    return [
      {
        status: 'fail',
        message: `${stopped.length} containers are stopped, more than the ${running.length} running and more than ${STOPPED_CONTAINER_THRESHOLD}.`,
        evidence,
      },
    ];
  }
  if (overThreshold || outnumber) {
    return [{ status: 'warn', message: `${stopped.length} stopped container(s) against ${running.length} running; remove those no longer needed.`, evidence }];
  }
  return [{ status: 'pass', message: `${stopped.length} stopped container(s) against ${running.length} running is within limits.`, evidence }];
}

export const containerSprawlAvoided = factsItem({
  id: '6.2',
  title: 'Ensure that container sprawl is avoided',
  severity: 'low',
  rationale:
    'Stopped containers keep their filesystems, logs and environment on disk and can be restarted with their old image and settings; many of them hide which containers matter.',
  impact: "A removed container's writable layer and logs are gone; copy out anything needed first (named volumes are kept).",
  remediation: `Remove containers that are no longer needed (\`docker container prune\`, or \`docker rm <name>\`), and use \`--rm\` for one-off runs. Warns above ${STOPPED_CONTAINER_THRESHOLD} stopped containers or when stopped ones outnumber running ones; fails when both hold.`,
  references: ['CIS Docker Benchmark v1.8.0, 6.2', 'https://docs.docker.com/engine/manage-resources/pruning/#prune-containers'],
  check,
  advice: {
    text: 'Review stopped containers with `docker ps -a --filter status=exited --filter status=created` and remove the ones not needed (`docker container prune`).',
  },
});
