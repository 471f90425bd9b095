// CIS 3.19: /etc/default/docker belongs to root:root where it exists.
import type { Rule } from '../rule.js';
import { fixedFile, ownershipRule } from './support.js';

export const etcDefaultDockerOwnershipRule: Rule = ownershipRule({
  id: '3.19',
  aliases: { '1.7.0': '3.19', '1.6.0': '3.19' },
  title: 'Ensure that the /etc/default/docker file ownership is set to root:root',
  level: 2,
  automated: false,
  severity: 'high',
  rationale: '/etc/default/docker can add dockerd options and environment; its owner controls the root daemon.',
  impact: 'None expected.',
  remediation: 'chown root:root /etc/default/docker.',
  references: ['CIS Docker Benchmark v1.8.0, 3.19'],
  group: 'root',
  targets: fixedFile('/etc/default/docker'),
});
