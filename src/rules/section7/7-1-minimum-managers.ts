// 7.1: Raft needs a majority of managers; an even count adds a manager without adding fault
// tolerance, and beyond seven the consensus traffic costs more than it protects.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { isManager, swarmInfo, swarmItem } from './support.js';

const MAX_MANAGERS = 7;

function check(facts: HostFacts): CheckResult[] {
  if (!isManager(facts)) {
    return [
      {
        status: 'manual',
        message: 'This node is a worker, which cannot see the manager count; run the check on a manager.',
        evidence: [
          { kind: 'engine', detail: 'docker info: Swarm.ControlAvailable: false' },
          { kind: 'command', detail: "docker node ls --filter role=manager --format '{{.Hostname}} {{.ManagerStatus}}'" },
        ],
      },
    ];
  }
  const managers = Number(swarmInfo(facts).Managers ?? 0);
  const evidence = [{ kind: 'engine', detail: `docker info: Swarm.Managers: ${managers}` }];
  if (managers % 2 === 0) {
    return [{ status: 'fail', message: `The swarm has ${managers} managers; an even number tolerates no more failures than one manager fewer.`, evidence }];
  }
  if (managers > MAX_MANAGERS) {
    return [{ status: 'warn', message: `The swarm has ${managers} managers, more than the ${MAX_MANAGERS} Docker recommends at most.`, evidence }];
  }
  return [{ status: 'pass', message: `The swarm has ${managers} manager(s), an odd number; confirm no fewer would do.`, evidence }];
}

export const minimumManagers = swarmItem({
  id: '7.1',
  title: 'Ensure that the minimum number of manager nodes have been created in a swarm',
  severity: 'medium',
  rationale:
    'Each manager holds the full cluster state and its keys, so every extra one is another machine whose compromise takes the whole swarm; an odd count of 3 or 5 gives fault tolerance with the fewest such machines.',
  impact: 'Demoting a manager lowers the number of failures the swarm survives; never drop below a majority of healthy managers.',
  remediation:
    'Keep an odd, minimal number of managers (1 for tests, 3 or 5 in production, at most 7): `docker node demote <node>` for the surplus, `docker node promote <node>` to fix an even count.',
  references: ['CIS Docker Benchmark v1.8.0, 7.1', 'https://docs.docker.com/engine/swarm/admin_guide/#add-manager-nodes-for-fault-tolerance'],
  check,
});
