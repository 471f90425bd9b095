// CIS 3.2: docker.service (and its drop-ins) are writable by root only (0644 or stricter).
import { modeRule } from './support.js';
import { unitFiles } from './targets.js';

export const dockerServicePermissionsRule = modeRule({
  id: '3.2',
  title: 'Ensure that docker.service file permissions are appropriately set',
  automated: true,
  severity: 'high',
  rationale: 'A group- or world-writable docker.service lets other users change what dockerd runs as root.',
  impact: 'None expected.',
  remediation: 'chmod 644 "$(systemctl show -p FragmentPath --value docker.service)" (and its drop-ins), or remove the extra bits: chmod go-w.',
  references: ['CIS Docker Benchmark v1.8.0, 3.2'],
  maxMode: 0o644,
  targets: (facts) => unitFiles(facts, 'docker.service'),
});
