// CIS 3.11: the server certificate named by tlscert belongs to root:root.
import type { Rule } from '../rule.js';
import { ownershipRule } from './support.js';
import { tlsFile } from './targets.js';

export const serverCertificateOwnershipRule: Rule = ownershipRule({
  id: '3.11',
  aliases: { '1.7.0': '3.11', '1.6.0': '3.11' },
  title: 'Ensure that Docker server certificate file ownership is set to root:root',
  level: 1,
  automated: false,
  severity: 'medium',
  rationale: 'The server certificate identifies the daemon to clients; its owner could replace it.',
  impact: 'None expected.',
  remediation: 'chown root:root <tlscert path>.',
  references: ['CIS Docker Benchmark v1.8.0, 3.11', 'https://docs.docker.com/engine/security/protect-access/'],
  group: 'root',
  targets: (facts) => tlsFile(facts, 'tlscert'),
});
