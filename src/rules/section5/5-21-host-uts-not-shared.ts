// 5.21: the host UTS namespace lets the container change the host's hostname and domain name.
import { hostNamespaceItem } from './namespaces.js';
import { workloadRule } from './workload-rule.js';

export const hostUts = hostNamespaceItem({
  id: '5.21',
  kind: 'uts',
  // The empty value selects the container's own UTS namespace.
  recreate: () => ['--uts='],
  impact: {
    container: 'it gets its own hostname; software that reports or sets the host name sees the container name instead.',
    service: 'it gets its own hostname.',
  },
});

export const hostUtsNotShared = workloadRule(hostUts, {
  title: "Ensure that the host's UTS namespace is not shared",
  severity: 'medium',
  rationale: "With --uts=host a process in the container can change the host's hostname and NIS domain name, which other services and logs rely on.",
  impact: "Agents that report the host name report the container's instead.",
  remediation: 'Recreate the container without `--uts=host` (Compose: remove `uts: host`).',
  references: ['CIS Docker Benchmark v1.8.0, 5.21', 'https://docs.docker.com/reference/cli/docker/container/run/#uts'],
});
