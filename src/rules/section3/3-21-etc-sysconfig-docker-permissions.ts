// CIS 3.21: /etc/sysconfig/docker is writable by root only where it exists.
import { fixedFile, modeRule } from './support.js';

export const etcSysconfigDockerPermissionsRule = modeRule({
  id: '3.21',
  title: 'Ensure that the /etc/sysconfig/docker file permissions are set to 644 or more restrictively',
  level: 2,
  severity: 'high',
  rationale: 'A writable /etc/sysconfig/docker lets other users add dockerd options.',
  impact: 'None expected.',
  remediation: 'chmod 644 /etc/sysconfig/docker.',
  references: ['CIS Docker Benchmark v1.8.0, 3.21'],
  maxMode: 0o644,
  targets: fixedFile('/etc/sysconfig/docker'),
});
