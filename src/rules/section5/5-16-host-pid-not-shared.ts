// 5.16: the host PID namespace lets the container see and signal (and with ptrace, enter) every
// host process.
import type { Rule } from '../rule.js';
import { hostNamespaceItem } from './namespaces.js';
import { checkWorkloads, remediateWorkloads } from './workload-item.js';

export const hostPid = hostNamespaceItem({
  id: '5.16',
  kind: 'pid',
  field: 'PidMode',
  label: 'PID',
  composeKey: 'pid',
  // The empty value selects the container's own PID namespace.
  recreate: () => ['--pid='],
  impact: {
    container: 'it no longer sees host processes; tools that inspect or signal them (process monitors, debuggers) stop working.',
    service: 'it no longer sees host processes; tools that inspect or signal them stop working.',
  },
});

export const hostPidNotShared: Rule = {
  id: '5.16',
  aliases: { '1.7.0': '5.16', '1.6.0': '5.16' },
  title: "Ensure that the host's process namespace is not shared",
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'high',
  rationale:
    'With --pid=host the container sees every host process, can read their /proc entries (environment, command lines) and can kill them; combined with a capability such as SYS_PTRACE it can enter them.',
  impact: 'Process monitoring or debugging tools inside the container lose sight of host processes.',
  remediation: 'Recreate the container without `--pid=host` (Compose: remove `pid: host`).',
  references: ['CIS Docker Benchmark v1.8.0, 5.16', 'https://docs.docker.com/reference/cli/docker/container/run/#pid'],
  check: checkWorkloads(hostPid),
  remediate: remediateWorkloads(hostPid),
};
