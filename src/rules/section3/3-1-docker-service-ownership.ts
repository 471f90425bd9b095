// CIS 3.1: docker.service (and its drop-ins) belong to root:root.
import { ownershipRule } from './support.js';
import { unitFiles } from './targets.js';

export const dockerServiceOwnershipRule = ownershipRule({
  id: '3.1',
  title: 'Ensure that the docker.service file ownership is set to root:root',
  automated: true,
  severity: 'high',
  rationale: 'docker.service decides the command line dockerd runs as root; whoever owns it can change that.',
  impact: 'None expected.',
  remediation: 'chown root:root "$(systemctl show -p FragmentPath --value docker.service)" and its drop-ins under /etc/systemd/system/docker.service.d/.',
  references: ['CIS Docker Benchmark v1.8.0, 3.1'],
  group: 'root',
  targets: (facts) => unitFiles(facts, 'docker.service'),
});
