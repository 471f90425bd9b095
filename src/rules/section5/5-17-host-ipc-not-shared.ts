// 5.17: the host IPC namespace exposes host shared memory segments and semaphores.
import { hostNamespaceItem } from './namespaces.js';
import { workloadRule } from './workload-rule.js';

export const hostIpc = hostNamespaceItem({
  id: '5.17',
  kind: 'ipc',
  recreate: () => ['--ipc=private'],
  impact: {
    container: 'it no longer shares System V IPC and /dev/shm with the host; software that exchanges shared memory with host processes breaks.',
    service: 'it no longer shares System V IPC and /dev/shm with the host.',
  },
});

export const hostIpcNotShared = workloadRule(hostIpc, {
  title: "Ensure that the host's IPC namespace is not shared",
  severity: 'high',
  rationale:
    "With --ipc=host the container can read and write the host's shared memory segments, semaphores and message queues, and so the data of host processes that use them.",
  impact: 'Applications that exchange shared memory with host processes stop working.',
  remediation:
    'Recreate the container without `--ipc=host` (Compose: remove `ipc: host`); use `--ipc=shareable` / `container:<name>` between containers that must share memory.',
  references: ['CIS Docker Benchmark v1.8.0, 5.17', 'https://docs.docker.com/reference/cli/docker/container/run/#ipc'],
});
