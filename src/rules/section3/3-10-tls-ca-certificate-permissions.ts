// CIS 3.10: the CA certificate named by tlscacert is 0444 or stricter.
import { tlsModeRule } from './tls-file-rules.js';

export const tlsCaCertificatePermissionsRule = tlsModeRule('tlscacert', 0o444, {
  id: '3.10',
  title: 'Ensure that TLS CA certificate file permissions are set to 444 or more restrictively',
  severity: 'medium',
  rationale: 'A writable CA certificate lets other users add a CA and admit their own clients to the daemon.',
});
