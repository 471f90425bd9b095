// CIS 3.12: the server certificate named by tlscert is 0444 or stricter.
import type { Rule } from '../rule.js';
import { modeRule } from './support.js';
import { tlsFile } from './targets.js';

export const serverCertificatePermissionsRule: Rule = modeRule({
  id: '3.12',
  aliases: { '1.7.0': '3.12', '1.6.0': '3.12' },
  title: 'Ensure that the Docker server certificate file permissions are set to 444 or more restrictively',
  level: 1,
  automated: false,
  severity: 'medium',
  rationale: 'A writable server certificate lets other users replace the identity the daemon presents.',
  impact: 'None expected.',
  remediation: 'chmod 444 <tlscert path>.',
  references: ['CIS Docker Benchmark v1.8.0, 3.12', 'https://docs.docker.com/engine/security/protect-access/'],
  maxMode: 0o444,
  targets: (facts) => tlsFile(facts, 'tlscert'),
});
