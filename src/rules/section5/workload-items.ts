// The section-5 items written over a WorkloadSpec, for front ends that judge workloads other than
// existing containers (Compose service definitions). Items not listed read inspect data that a
// service definition does not carry (5.3, 5.6, 5.7, 5.9, 5.19, 5.25, 5.28) or the host (5.1), or
// cannot be judged from facts at all (5.23, 5.24).
export { apparmor } from './5-2-apparmor-profile.js';
export { capabilities } from './5-4-capabilities-restricted.js';
export { noPrivileged } from './5-5-no-privileged-containers.js';
export { privilegedPorts } from './5-8-no-privileged-ports.js';
export { hostNetwork } from './5-10-host-network-not-shared.js';
export { memoryLimit } from './5-11-memory-limited.js';
export { cpuShares } from './5-12-cpu-priority-set.js';
export { readOnlyRoot } from './5-13-read-only-rootfs.js';
export { hostInterface } from './5-14-bind-host-interface.js';
export { restartPolicy } from './5-15-restart-on-failure-5.js';
export { hostPid } from './5-16-host-pid-not-shared.js';
export { hostIpc } from './5-17-host-ipc-not-shared.js';
export { hostDevices } from './5-18-host-devices-not-exposed.js';
export { mountPropagation } from './5-20-mount-propagation-not-shared.js';
export { hostUts } from './5-21-host-uts-not-shared.js';
export { seccomp } from './5-22-seccomp-not-disabled.js';
export { noNewPrivs } from './5-26-no-new-privileges.js';
export { healthCheck } from './5-27-health-checked.js';
export { pidsLimit } from './5-29-pids-limit-set.js';
export { defaultBridge } from './5-30-default-bridge-not-used.js';
export { hostUserns } from './5-31-host-userns-not-shared.js';
export { dockerSocket } from './5-32-docker-socket-not-mounted.js';
export { fixFor, type WorkloadItem } from './workload-item.js';
