// Section 7 (swarm) rules in benchmark id order.
import type { Rule } from '../rule.js';
import { minimumManagers } from './7-1-minimum-managers.js';
import { swarmBoundToInterface } from './7-2-swarm-bound-to-interface.js';
import { overlayNetworksEncrypted } from './7-3-overlay-networks-encrypted.js';
import { swarmSecretsUsed } from './7-4-swarm-secrets-used.js';
import { managerAutolock } from './7-5-manager-autolock.js';
import { autolockKeyRotated } from './7-6-autolock-key-rotated.js';
import { nodeCertsRotated } from './7-7-node-certs-rotated.js';
import { caCertsRotated } from './7-8-ca-certs-rotated.js';
import { managementPlaneSeparated } from './7-9-management-plane-separated.js';

export const section7Rules: Rule[] = [
  minimumManagers,
  swarmBoundToInterface,
  overlayNetworksEncrypted,
  swarmSecretsUsed,
  managerAutolock,
  autolockKeyRotated,
  nodeCertsRotated,
  caCertsRotated,
  managementPlaneSeparated,
];
