// 7.6: the engine does not record when the unlock key was last rotated.
import { swarmManualItem } from './support.js';

export const autolockKeyRotated = swarmManualItem({
  id: '7.6',
  title: 'Ensure that the swarm manager auto-lock key is rotated periodically',
  severity: 'low',
  rationale: 'An unlock key that never changes stays valid wherever it was ever copied; rotation limits the value of a leaked key.',
  impact: 'Operators must store the new key; managers that restart before learning it need the previous key to unlock.',
  remediation:
    'Rotate the key on a schedule with `docker swarm unlock-key --rotate` on a manager and store the new key safely (keep the previous one until all managers have restarted).',
  references: ['CIS Docker Benchmark v1.8.0, 7.6', 'https://docs.docker.com/engine/swarm/swarm_manager_locking/#rotate-the-unlock-key'],
  message: "The unlock key's age is not recorded by the engine; confirm it is rotated on a schedule.",
  commands: ['docker swarm unlock-key --rotate'],
});
