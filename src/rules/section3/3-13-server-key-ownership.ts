// CIS 3.13: the server key named by tlskey belongs to root:root.
import { tlsOwnershipRule } from './tls-file-rules.js';

export const serverKeyOwnershipRule = tlsOwnershipRule('tlskey', {
  id: '3.13',
  title: 'Ensure that the Docker server certificate key file ownership is set to root:root',
  severity: 'high',
  rationale: 'Whoever owns the server key can read it and impersonate the daemon.',
});
