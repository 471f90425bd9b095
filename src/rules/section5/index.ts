// Section 5 (container runtime) rules in benchmark id order.
import type { Rule } from '../rule.js';
import { swarmModeNotEnabled } from './5-1-swarm-mode-not-enabled.js';
import { apparmorProfile } from './5-2-apparmor-profile.js';
import { selinuxOptions } from './5-3-selinux-options.js';
import { capabilitiesRestricted } from './5-4-capabilities-restricted.js';
import { noPrivilegedContainers } from './5-5-no-privileged-containers.js';
import { noSensitiveHostMounts } from './5-6-no-sensitive-host-mounts.js';
import { noSshd } from './5-7-no-sshd.js';
import { noPrivilegedPorts } from './5-8-no-privileged-ports.js';
import { onlyNeededPorts } from './5-9-only-needed-ports.js';
import { hostNetworkNotShared } from './5-10-host-network-not-shared.js';
import { memoryLimited } from './5-11-memory-limited.js';
import { cpuPrioritySet } from './5-12-cpu-priority-set.js';
import { readOnlyRootfs } from './5-13-read-only-rootfs.js';
import { bindHostInterface } from './5-14-bind-host-interface.js';
import { restartOnFailure5 } from './5-15-restart-on-failure-5.js';
import { hostPidNotShared } from './5-16-host-pid-not-shared.js';
import { hostIpcNotShared } from './5-17-host-ipc-not-shared.js';
import { hostDevicesNotExposed } from './5-18-host-devices-not-exposed.js';
import { ulimitOverriddenIfNeeded } from './5-19-ulimit-overridden-if-needed.js';
import { mountPropagationNotShared } from './5-20-mount-propagation-not-shared.js';
import { hostUtsNotShared } from './5-21-host-uts-not-shared.js';
import { seccompNotDisabled } from './5-22-seccomp-not-disabled.js';
import { noPrivilegedExec } from './5-23-no-privileged-exec.js';
import { noRootExec } from './5-24-no-root-exec.js';
import { cgroupUsageConfirmed } from './5-25-cgroup-usage-confirmed.js';
import { noNewPrivileges } from './5-26-no-new-privileges.js';
import { healthChecked } from './5-27-health-checked.js';
import { imageVersionPinned } from './5-28-image-version-pinned.js';
import { pidsLimitSet } from './5-29-pids-limit-set.js';
import { defaultBridgeNotUsed } from './5-30-default-bridge-not-used.js';
import { hostUsernsNotShared } from './5-31-host-userns-not-shared.js';
import { dockerSocketNotMounted } from './5-32-docker-socket-not-mounted.js';

export const section5Rules: Rule[] = [
  swarmModeNotEnabled,
  apparmorProfile,
  selinuxOptions,
  capabilitiesRestricted,
  noPrivilegedContainers,
  noSensitiveHostMounts,
  noSshd,
  noPrivilegedPorts,
  onlyNeededPorts,
  hostNetworkNotShared,
  memoryLimited,
  cpuPrioritySet,
  readOnlyRootfs,
  bindHostInterface,
  restartOnFailure5,
  hostPidNotShared,
  hostIpcNotShared,
  hostDevicesNotExposed,
  ulimitOverriddenIfNeeded,
  mountPropagationNotShared,
  hostUtsNotShared,
  seccompNotDisabled,
  noPrivilegedExec,
  noRootExec,
  cgroupUsageConfirmed,
  noNewPrivileges,
  healthChecked,
  imageVersionPinned,
  pidsLimitSet,
  defaultBridgeNotUsed,
  hostUsernsNotShared,
  dockerSocketNotMounted,
];
