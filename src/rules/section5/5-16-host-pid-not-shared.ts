// 5.16: the host PID namespace lets the container see and signal (and with ptrace, enter) every
// host process.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Rule } from '../rule.js';
import { hostNamespaceCheck, hostNamespaceFix, type Namespace } from './namespaces.js';

const ns: Namespace = {
  field: 'PidMode',
  label: 'PID',
  composeKey: 'pid',
  // The empty value selects the container's own PID namespace.
  recreate: () => ['--pid='],
  impact: 'it no longer sees host processes; tools that inspect or signal them (process monitors, debuggers) stop working.',
};

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
  check: (facts: HostFacts) => hostNamespaceCheck(facts, ns),
  remediate: (facts: HostFacts) => hostNamespaceFix(facts, ns),
};
