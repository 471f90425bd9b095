// CIS 3.11: the server certificate named by tlscert belongs to root:root.
import { tlsOwnershipRule } from './tls-file-rules.js';

export const serverCertificateOwnershipRule = tlsOwnershipRule('tlscert', {
  id: '3.11',
  title: 'Ensure that Docker server certificate file ownership is set to root:root',
  severity: 'medium',
  rationale: 'The server certificate identifies the daemon to clients; its owner could replace it.',
});
