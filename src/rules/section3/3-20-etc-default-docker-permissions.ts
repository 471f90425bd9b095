// CIS 3.20: /etc/default/docker is writable by root only where it exists.
import type { Rule } from '../rule.js';
import { fixedFile, modeRule } from './support.js';

export const etcDefaultDockerPermissionsRule: Rule = modeRule({
  id: '3.20',
  aliases: { '1.7.0': '3.20', '1.6.0': '3.20' },
  title: 'Ensure that the /etc/default/docker file permissions are set to 644 or more restrictively',
  level: 2,
  automated: false,
  severity: 'high',
  rationale: 'A writable /etc/default/docker lets other users add dockerd options.',
  impact: 'None expected.',
  remediation: 'chmod 644 /etc/default/docker.',
  references: ['CIS Docker Benchmark v1.8.0, 3.20'],
  maxMode: 0o644,
  targets: fixedFile('/etc/default/docker'),
});
