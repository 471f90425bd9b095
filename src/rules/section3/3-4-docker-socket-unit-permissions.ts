// CIS 3.4: the docker.socket unit (and its drop-ins) are writable by root only.
import { modeRule } from './support.js';
import { unitFiles } from './targets.js';

export const dockerSocketUnitPermissionsRule = modeRule({
  id: '3.4',
  title: 'Ensure that docker.socket file permissions are set to 644 or more restrictive',
  automated: true,
  severity: 'high',
  rationale: 'A writable docker.socket unit lets other users change the socket mode or group and reach the root daemon.',
  impact: 'None expected.',
  remediation: 'chmod 644 "$(systemctl show -p FragmentPath --value docker.socket)" (and its drop-ins).',
  references: ['CIS Docker Benchmark v1.8.0, 3.4'],
  maxMode: 0o644,
  targets: (facts) => unitFiles(facts, 'docker.socket'),
});
