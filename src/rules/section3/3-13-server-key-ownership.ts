// CIS 3.13: the server key named by tlskey belongs to root:root.
import type { Rule } from '../rule.js';
import { ownershipRule } from './support.js';
import { tlsFile } from './targets.js';

export const serverKeyOwnershipRule: Rule = ownershipRule({
  id: '3.13',
  aliases: { '1.7.0': '3.13', '1.6.0': '3.13' },
  title: 'Ensure that the Docker server certificate key file ownership is set to root:root',
  level: 1,
  automated: false,
  severity: 'high',
  rationale: 'Whoever owns the server key can read it and impersonate the daemon.',
  impact: 'None expected.',
  remediation: 'chown root:root <tlskey path>.',
  references: ['CIS Docker Benchmark v1.8.0, 3.13', 'https://docs.docker.com/engine/security/protect-access/'],
  group: 'root',
  targets: (facts) => tlsFile(facts, 'tlskey'),
});
