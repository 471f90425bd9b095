// 5.8: host ports below 1024 are the privileged range; publishing one makes a container answer on
// a port clients trust as a system service. IPv4 and IPv6 bindings count alike.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { describePort, hostPortNumber, publishedPorts } from './host-bindings.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict, type ContainerView } from './support.js';

const low = (c: ContainerView) => publishedPorts(c).filter((p) => hostPortNumber(p) > 0 && hostPortNumber(p) < 1024);

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const ports = publishedPorts(c);
    const bad = low(c);
    if (bad.length > 0) {
      return verdict(
        'fail',
        `Container ${c.name} publishes privileged host port(s) ${[...new Set(bad.map((p) => p.hostPort))].join(', ')}.`,
        ...bad.map(describePort),
      );
    }
    if (ports.length === 0) return verdict('pass', `Container ${c.name} publishes no ports.`, 'HostConfig.PortBindings: {}');
    return verdict('pass', `Container ${c.name} publishes no host port below 1024.`, ...ports.map(describePort));
  });
}

export const noPrivilegedPorts: Rule = {
  id: '5.8',
  aliases: { '1.7.0': '5.8', '1.6.0': '5.8' },
  title: 'Ensure privileged ports are not mapped within containers',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale:
    "Ports below 1024 are assumed to belong to system services; a container published there can impersonate one, and the mapping bypasses the host's rule that only root binds them.",
  impact: 'Clients must use the new port, or a reverse proxy on the host must forward the well-known port.',
  remediation:
    'Publish the container on a host port of 1024 or above (`-p 8080:80`, Compose `ports: ["8080:80"]`) and, if a well-known port is needed, put a reverse proxy or load balancer in front. The new port number is a site decision, so the fix is advice only.',
  references: ['CIS Docker Benchmark v1.8.0, 5.8', 'https://docs.docker.com/engine/network/#published-ports'],
  check,
  remediate: (facts) =>
    remediateFailures(facts, check, (c) => ({
      manual: `Container ${c.name}${c.subject.service ? ` (compose service ${c.subject.project}/${c.subject.service})` : ''}: publish ${[...new Set(low(c).map((p) => `${p.hostPort}->${p.containerPort}`))].join(', ')} on host ports of 1024 or above.`,
      impact: 'Clients of the old port must move, or a proxy must forward it.',
    })),
};
