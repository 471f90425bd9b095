// CIS 3.8: registry certificates are 0444 or stricter; client keys (*.key) are 0600 or stricter instead,
// because the benchmark's blanket "chmod 444" would make a private key world-readable.
import type { HostFacts } from '../../facts/host-facts.js';
import { type FileTarget, modeRule } from './support.js';
import { registryCertFiles } from './targets.js';

const registryCertTargets = (facts: HostFacts) => {
  const files = registryCertFiles(facts);
  return Array.isArray(files) ? files.map((f): FileTarget => (f.path.endsWith('.key') ? { ...f, maxMode: 0o600 } : f)) : files;
};

export const registryCertificatePermissionsRule = modeRule({
  id: '3.8',
  title: 'Ensure that registry certificate file permissions are set to 444 or more restrictively',
  severity: 'medium',
  rationale: 'Writable registry certificates let other users change which registries are trusted; readable client keys leak registry credentials.',
  impact: 'None expected.',
  remediation: 'chmod 444 the certificates under /etc/docker/certs.d/ and chmod 400 the client keys (*.key): never make a key world-readable.',
  references: ['CIS Docker Benchmark v1.8.0, 3.8', 'https://docs.docker.com/engine/security/certificates/'],
  maxMode: 0o444,
  targets: registryCertTargets,
});
