// CIS 3.5: /etc/docker belongs to root:root.
import { fixedFile, ownershipRule } from './support.js';

export const etcDockerOwnershipRule = ownershipRule({
  id: '3.5',
  title: 'Ensure that the /etc/docker directory ownership is set to root:root',
  automated: true,
  severity: 'high',
  rationale: '/etc/docker holds daemon.json, TLS keys and registry certificates; its owner can replace any of them.',
  impact: 'None expected.',
  remediation: 'chown root:root /etc/docker.',
  references: ['CIS Docker Benchmark v1.8.0, 3.5'],
  group: 'root',
  targets: fixedFile('/etc/docker'),
});
