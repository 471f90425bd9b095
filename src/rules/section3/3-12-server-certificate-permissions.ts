// CIS 3.12: the server certificate named by tlscert is 0444 or stricter.
import { tlsModeRule } from './tls-file-rules.js';

export const serverCertificatePermissionsRule = tlsModeRule('tlscert', 0o444, {
  id: '3.12',
  title: 'Ensure that the Docker server certificate file permissions are set to 444 or more restrictively',
  severity: 'medium',
  rationale: 'A writable server certificate lets other users replace the identity the daemon presents.',
});
