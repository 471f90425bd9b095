// CIS 3.9: the CA certificate named by tlscacert belongs to root:root.
import { tlsOwnershipRule } from './tls-file-rules.js';

export const tlsCaCertificateOwnershipRule = tlsOwnershipRule('tlscacert', {
  id: '3.9',
  title: 'Ensure that TLS CA certificate file ownership is set to root:root',
  severity: 'medium',
  rationale: 'The CA certificate decides which clients may use a TLS-protected daemon; its owner could admit any client.',
});
