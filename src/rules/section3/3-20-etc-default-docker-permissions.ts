// CIS 3.20: /etc/default/docker is writable by root only where it exists.
import { fixedFile, modeRule } from './support.js';

export const etcDefaultDockerPermissionsRule = modeRule({
  id: '3.20',
  title: 'Ensure that the /etc/default/docker file permissions are set to 644 or more restrictively',
  level: 2,
  severity: 'high',
  rationale: 'A writable /etc/default/docker lets other users add dockerd options.',
  impact: 'None expected.',
  remediation: 'chmod 644 /etc/default/docker.',
  references: ['CIS Docker Benchmark v1.8.0, 3.20'],
  maxMode: 0o644,
  targets: fixedFile('/etc/default/docker'),
});
