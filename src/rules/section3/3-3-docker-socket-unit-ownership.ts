// CIS 3.3: the docker.socket unit (and its drop-ins) belong to root:root.
import { ownershipRule } from './support.js';
import { unitFiles } from './targets.js';

export const dockerSocketUnitOwnershipRule = ownershipRule({
  id: '3.3',
  title: 'Ensure that docker.socket file ownership is set to root:root',
  automated: true,
  severity: 'high',
  rationale: 'docker.socket sets who may open the Docker API socket; whoever owns the unit can widen that.',
  impact: 'None expected.',
  remediation: 'chown root:root "$(systemctl show -p FragmentPath --value docker.socket)" and its drop-ins.',
  references: ['CIS Docker Benchmark v1.8.0, 3.3'],
  group: 'root',
  targets: (facts) => unitFiles(facts, 'docker.socket'),
});
