// 5.21: the host UTS namespace lets the container change the host's hostname and domain name.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Rule } from '../rule.js';
import { hostNamespaceCheck, hostNamespaceFix, type Namespace } from './namespaces.js';

const ns: Namespace = {
  field: 'UTSMode',
  label: 'UTS',
  composeKey: 'uts',
  // The empty value selects the container's own UTS namespace.
  recreate: () => ['--uts='],
  impact: 'it gets its own hostname; software that reports or sets the host name sees the container name instead.',
};

export const hostUtsNotShared: Rule = {
  id: '5.21',
  aliases: { '1.7.0': '5.21', '1.6.0': '5.21' },
  title: "Ensure that the host's UTS namespace is not shared",
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale: 'With --uts=host a process in the container can change the host\'s hostname and NIS domain name, which other services and logs rely on.',
  impact: 'Agents that report the host name report the container\'s instead.',
  remediation: 'Recreate the container without `--uts=host` (Compose: remove `uts: host`).',
  references: ['CIS Docker Benchmark v1.8.0, 5.21', 'https://docs.docker.com/reference/cli/docker/container/run/#uts'],
  check: (facts: HostFacts) => hostNamespaceCheck(facts, ns),
  remediate: (facts: HostFacts) => hostNamespaceFix(facts, ns),
};
