// CIS 3.14: the server key named by tlskey is 0400 (or stricter).
import type { Rule } from '../rule.js';
import { modeRule } from './support.js';
import { tlsFile } from './targets.js';

export const serverKeyPermissionsRule: Rule = modeRule({
  id: '3.14',
  aliases: { '1.7.0': '3.14', '1.6.0': '3.14' },
  title: 'Ensure that the Docker server certificate key file permissions are set to 400',
  level: 1,
  automated: false,
  severity: 'high',
  rationale: 'A readable server key lets other users impersonate the daemon to its TLS clients.',
  impact: 'None expected.',
  remediation: 'chmod 400 <tlskey path>.',
  references: ['CIS Docker Benchmark v1.8.0, 3.14', 'https://docs.docker.com/engine/security/protect-access/'],
  maxMode: 0o400,
  targets: (facts) => tlsFile(facts, 'tlskey'),
});
