// CIS 3.18: daemon.json (the file dockerd reads) is writable by root only.
import { modeRule } from './support.js';

export const daemonJsonPermissionsRule = modeRule({
  id: '3.18',
  title: 'Ensure that daemon.json file permissions are set to 644 or more restrictive',
  level: 2,
  severity: 'high',
  rationale: 'A writable daemon.json lets other users change how the root daemon runs containers.',
  impact: 'None expected.',
  remediation: 'chmod 644 /etc/docker/daemon.json (or the --config-file path).',
  references: ['CIS Docker Benchmark v1.8.0, 3.18'],
  maxMode: 0o644,
  targets: (facts) => [{ path: facts.daemonJson.path, source: 'the daemon configuration file dockerd reads' }],
});
