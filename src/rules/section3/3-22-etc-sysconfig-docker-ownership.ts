// CIS 3.22: /etc/sysconfig/docker belongs to root:root where it exists.
import { fixedFile, ownershipRule } from './support.js';

export const etcSysconfigDockerOwnershipRule = ownershipRule({
  id: '3.22',
  title: 'Ensure that the /etc/sysconfig/docker file ownership is set to root:root',
  level: 2,
  severity: 'high',
  rationale: '/etc/sysconfig/docker can add dockerd options and environment; its owner controls the root daemon.',
  impact: 'None expected.',
  remediation: 'chown root:root /etc/sysconfig/docker.',
  references: ['CIS Docker Benchmark v1.8.0, 3.22'],
  group: 'root',
  targets: fixedFile('/etc/sysconfig/docker'),
});
