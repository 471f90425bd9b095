// CIS 3.19: /etc/default/docker belongs to root:root where it exists.
import { fixedFile, ownershipRule } from './support.js';

export const etcDefaultDockerOwnershipRule = ownershipRule({
  id: '3.19',
  title: 'Ensure that the /etc/default/docker file ownership is set to root:root',
  level: 2,
  severity: 'high',
  rationale: '/etc/default/docker can add dockerd options and environment; its owner controls the root daemon.',
  impact: 'None expected.',
  remediation: 'chown root:root /etc/default/docker.',
  references: ['CIS Docker Benchmark v1.8.0, 3.19'],
  group: 'root',
  targets: fixedFile('/etc/default/docker'),
});
