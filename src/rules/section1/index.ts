// Section 1 rules (host configuration) in benchmark id order.
import type { Rule } from '../rule.js';
import { separatePartitionRule } from './1-1-1-separate-partition.js';
import { trustedDockerGroupUsersRule } from './1-1-2-trusted-docker-group-users.js';
import { auditDockerDaemonRule } from './1-1-3-audit-docker-daemon.js';
import { auditRunContainerdRule } from './1-1-4-audit-run-containerd.js';
import { auditDataRootRule } from './1-1-5-audit-data-root.js';
import { auditEtcDockerRule } from './1-1-6-audit-etc-docker.js';
import { auditDockerServiceRule } from './1-1-7-audit-docker-service.js';
import { auditContainerdSockRule } from './1-1-8-audit-containerd-sock.js';
import { auditDockerSockRule } from './1-1-9-audit-docker-sock.js';
import { auditEtcDefaultDockerRule } from './1-1-10-audit-etc-default-docker.js';
import { auditDaemonJsonRule } from './1-1-11-audit-daemon-json.js';
import { auditContainerdConfigRule } from './1-1-12-audit-containerd-config.js';
import { auditEtcSysconfigDockerRule } from './1-1-13-audit-etc-sysconfig-docker.js';
import { auditContainerdBinaryRule } from './1-1-14-audit-containerd-binary.js';
import { auditContainerdShimRule } from './1-1-15-audit-containerd-shim.js';
import { auditContainerdShimRuncV1Rule } from './1-1-16-audit-containerd-shim-runc-v1.js';
import { auditContainerdShimRuncV2Rule } from './1-1-17-audit-containerd-shim-runc-v2.js';
import { auditRuncRule } from './1-1-18-audit-runc.js';
import { hostHardenedRule } from './1-2-1-host-hardened.js';
import { dockerUpToDateRule } from './1-2-2-docker-up-to-date.js';

export const section1Rules: Rule[] = [
  separatePartitionRule,
  trustedDockerGroupUsersRule,
  auditDockerDaemonRule,
  auditRunContainerdRule,
  auditDataRootRule,
  auditEtcDockerRule,
  auditDockerServiceRule,
  auditContainerdSockRule,
  auditDockerSockRule,
  auditEtcDefaultDockerRule,
  auditDaemonJsonRule,
  auditContainerdConfigRule,
  auditEtcSysconfigDockerRule,
  auditContainerdBinaryRule,
  auditContainerdShimRule,
  auditContainerdShimRuncV1Rule,
  auditContainerdShimRuncV2Rule,
  auditRuncRule,
  hostHardenedRule,
  dockerUpToDateRule,
];
