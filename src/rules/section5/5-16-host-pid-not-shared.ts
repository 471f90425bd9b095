// 5.16: the host PID namespace lets the container see and signal (and with ptrace, enter) every
// host process.
import { hostNamespaceItem } from './namespaces.js';
import { workloadRule } from './workload-rule.js';

export const hostPid = hostNamespaceItem({
  id: '5.16',
  kind: 'pid',
  // The empty value selects the container's own PID namespace.
  recreate: () => ['--pid='],
  impact: {
    container: 'it no longer sees host processes; tools that inspect or signal them (process monitors, debuggers) stop working.',
    service: 'it no longer sees host processes; tools that inspect or signal them stop working.',
  },
});

export const hostPidNotShared = workloadRule(hostPid, {
  title: "Ensure that the host's process namespace is not shared",
  severity: 'high',
  rationale:
    'With --pid=host the container sees every host process, can read their /proc entries (environment, command lines) and can kill them; combined with a capability such as SYS_PTRACE it can enter them.',
  impact: 'Process monitoring or debugging tools inside the container lose sight of host processes.',
  remediation: 'Recreate the container without `--pid=host` (Compose: remove `pid: host`).',
  references: ['CIS Docker Benchmark v1.8.0, 5.16', 'https://docs.docker.com/reference/cli/docker/container/run/#pid'],
});
