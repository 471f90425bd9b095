// CIS 3.7: every file under /etc/docker/certs.d/ belongs to root:root.
import { ownershipRule } from './support.js';
import { registryCertFiles } from './targets.js';

export const registryCertificateOwnershipRule = ownershipRule({
  id: '3.7',
  title: 'Ensure that registry certificate file ownership is set to root:root',
  severity: 'medium',
  rationale: 'Registry certificates decide which registries the daemon trusts; their owner could swap them.',
  impact: 'None expected.',
  remediation: 'chown root:root every file under /etc/docker/certs.d/ (find /etc/docker/certs.d -type f -exec chown root:root {} +).',
  references: ['CIS Docker Benchmark v1.8.0, 3.7', 'https://docs.docker.com/engine/security/certificates/'],
  group: 'root',
  targets: registryCertFiles,
});
