// Section 3 rules (daemon configuration files) in benchmark id order.
import type { Rule } from '../rule.js';
import { dockerServiceOwnershipRule } from './3-1-docker-service-ownership.js';
import { dockerServicePermissionsRule } from './3-2-docker-service-permissions.js';
import { dockerSocketUnitOwnershipRule } from './3-3-docker-socket-unit-ownership.js';
import { dockerSocketUnitPermissionsRule } from './3-4-docker-socket-unit-permissions.js';
import { etcDockerOwnershipRule } from './3-5-etc-docker-ownership.js';
import { etcDockerPermissionsRule } from './3-6-etc-docker-permissions.js';
import { registryCertificateOwnershipRule } from './3-7-registry-certificate-ownership.js';
import { registryCertificatePermissionsRule } from './3-8-registry-certificate-permissions.js';
import { tlsCaCertificateOwnershipRule } from './3-9-tls-ca-certificate-ownership.js';
import { tlsCaCertificatePermissionsRule } from './3-10-tls-ca-certificate-permissions.js';
import { serverCertificateOwnershipRule } from './3-11-server-certificate-ownership.js';
import { serverCertificatePermissionsRule } from './3-12-server-certificate-permissions.js';
import { serverKeyOwnershipRule } from './3-13-server-key-ownership.js';
import { serverKeyPermissionsRule } from './3-14-server-key-permissions.js';
import { dockerSockOwnershipRule } from './3-15-docker-sock-ownership.js';
import { dockerSockPermissionsRule } from './3-16-docker-sock-permissions.js';
import { daemonJsonOwnershipRule } from './3-17-daemon-json-ownership.js';
import { daemonJsonPermissionsRule } from './3-18-daemon-json-permissions.js';
import { etcDefaultDockerOwnershipRule } from './3-19-etc-default-docker-ownership.js';
import { etcDefaultDockerPermissionsRule } from './3-20-etc-default-docker-permissions.js';
import { etcSysconfigDockerPermissionsRule } from './3-21-etc-sysconfig-docker-permissions.js';
import { etcSysconfigDockerOwnershipRule } from './3-22-etc-sysconfig-docker-ownership.js';
import { containerdSockOwnershipRule } from './3-23-containerd-sock-ownership.js';
import { containerdSockPermissionsRule } from './3-24-containerd-sock-permissions.js';

export const section3Rules: Rule[] = [
  dockerServiceOwnershipRule,
  dockerServicePermissionsRule,
  dockerSocketUnitOwnershipRule,
  dockerSocketUnitPermissionsRule,
  etcDockerOwnershipRule,
  etcDockerPermissionsRule,
  registryCertificateOwnershipRule,
  registryCertificatePermissionsRule,
  tlsCaCertificateOwnershipRule,
  tlsCaCertificatePermissionsRule,
  serverCertificateOwnershipRule,
  serverCertificatePermissionsRule,
  serverKeyOwnershipRule,
  serverKeyPermissionsRule,
  dockerSockOwnershipRule,
  dockerSockPermissionsRule,
  daemonJsonOwnershipRule,
  daemonJsonPermissionsRule,
  etcDefaultDockerOwnershipRule,
  etcDefaultDockerPermissionsRule,
  etcSysconfigDockerPermissionsRule,
  etcSysconfigDockerOwnershipRule,
  containerdSockOwnershipRule,
  containerdSockPermissionsRule,
];
