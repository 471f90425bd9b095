// CIS 3.14: the server key named by tlskey is 0400 (or stricter).
import { tlsModeRule } from './tls-file-rules.js';

export const serverKeyPermissionsRule = tlsModeRule('tlskey', 0o400, {
  id: '3.14',
  title: 'Ensure that the Docker server certificate key file permissions are set to 400',
  severity: 'high',
  rationale: 'A readable server key lets other users impersonate the daemon to its TLS clients.',
});
