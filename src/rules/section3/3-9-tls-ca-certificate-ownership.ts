// CIS 3.9: the CA certificate named by tlscacert belongs to root:root.
import type { Rule } from '../rule.js';
import { ownershipRule } from './support.js';
import { tlsFile } from './targets.js';

export const tlsCaCertificateOwnershipRule: Rule = ownershipRule({
  id: '3.9',
  aliases: { '1.7.0': '3.9', '1.6.0': '3.9' },
  title: 'Ensure that TLS CA certificate file ownership is set to root:root',
  level: 1,
  automated: false,
  severity: 'medium',
  rationale: 'The CA certificate decides which clients may use a TLS-protected daemon; its owner could admit any client.',
  impact: 'None expected.',
  remediation: 'chown root:root <tlscacert path>.',
  references: ['CIS Docker Benchmark v1.8.0, 3.9', 'https://docs.docker.com/engine/security/protect-access/'],
  group: 'root',
  targets: (facts) => tlsFile(facts, 'tlscacert'),
});
