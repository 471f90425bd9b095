// CIS 3.6: /etc/docker is writable by root only (0755 or stricter).
import { fixedFile, modeRule } from './support.js';

export const etcDockerPermissionsRule = modeRule({
  id: '3.6',
  title: 'Ensure that /etc/docker directory permissions are set to 755 or more restrictively',
  automated: true,
  severity: 'high',
  rationale: 'A writable /etc/docker lets other users add or replace daemon.json and certificates.',
  impact: 'None expected.',
  remediation: 'chmod 755 /etc/docker (or chmod go-w /etc/docker to keep stricter bits).',
  references: ['CIS Docker Benchmark v1.8.0, 3.6'],
  maxMode: 0o755,
  targets: fixedFile('/etc/docker'),
});
