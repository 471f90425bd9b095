// CIS 3.3: the docker.socket unit (and its drop-ins) belong to root:root.
import type { Rule } from '../rule.js';
import { ownershipRule } from './support.js';
import { unitFiles } from './targets.js';

export const dockerSocketUnitOwnershipRule: Rule = ownershipRule({
  id: '3.3',
  aliases: { '1.7.0': '3.3', '1.6.0': '3.3' },
  title: 'Ensure that docker.socket file ownership is set to root:root',
  level: 1,
  automated: true,
  severity: 'high',
  rationale: 'docker.socket sets who may open the Docker API socket; whoever owns the unit can widen that.',
  impact: 'None expected.',
  remediation: 'chown root:root "$(systemctl show -p FragmentPath --value docker.socket)" and its drop-ins.',
  references: ['CIS Docker Benchmark v1.8.0, 3.3'],
  group: 'root',
  targets: (facts) => unitFiles(facts, 'docker.socket'),
});
