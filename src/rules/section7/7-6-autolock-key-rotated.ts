// 7.6: the engine does not record when the unlock key was last rotated.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { swarmManual } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  return swarmManual(facts, "The unlock key's age is not recorded by the engine; confirm it is rotated on a schedule.", [], 'docker swarm unlock-key --rotate');
}

export const autolockKeyRotated: Rule = {
  id: '7.6',
  aliases: { '1.7.0': '7.6', '1.6.0': '7.6' },
  title: 'Ensure that the swarm manager auto-lock key is rotated periodically',
  section: 7,
  level: 1,
  automated: false,
  checks: 'manual',
  severity: 'low',
  rationale: 'An unlock key that never changes stays valid wherever it was ever copied; rotation limits the value of a leaked key.',
  impact: 'Operators must store the new key; managers that restart before learning it need the previous key to unlock.',
  remediation:
    'Rotate the key on a schedule with `docker swarm unlock-key --rotate` on a manager and store the new key safely (keep the previous one until all managers have restarted).',
  references: ['CIS Docker Benchmark v1.8.0, 7.6', 'https://docs.docker.com/engine/swarm/swarm_manager_locking/#rotate-the-unlock-key'],
  check,
};
