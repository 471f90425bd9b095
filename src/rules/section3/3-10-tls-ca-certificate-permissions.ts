// CIS 3.10: the CA certificate named by tlscacert is 0444 or stricter.
import type { Rule } from '../rule.js';
import { modeRule } from './support.js';
import { tlsFile } from './targets.js';

export const tlsCaCertificatePermissionsRule: Rule = modeRule({
  id: '3.10',
  aliases: { '1.7.0': '3.10', '1.6.0': '3.10' },
  title: 'Ensure that TLS CA certificate file permissions are set to 444 or more restrictively',
  level: 1,
  automated: false,
  severity: 'medium',
  rationale: 'A writable CA certificate lets other users add a CA and admit their own clients to the daemon.',
  impact: 'None expected.',
  remediation: 'chmod 444 <tlscacert path>.',
  references: ['CIS Docker Benchmark v1.8.0, 3.10', 'https://docs.docker.com/engine/security/protect-access/'],
  maxMode: 0o444,
  targets: (facts) => tlsFile(facts, 'tlscacert'),
});
