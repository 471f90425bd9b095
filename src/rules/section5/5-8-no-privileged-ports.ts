// 5.8: host ports below 1024 are the privileged range; publishing one makes a container answer on
// a port clients trust as a system service. IPv4 and IPv6 bindings count alike.
import { adviceName } from '../workload/workload-spec.js';
import { describePort, hostPortNumber, portPairs } from './host-bindings.js';
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';
import type { WorkloadSpec } from '../workload/workload-spec.js';

const low = (w: WorkloadSpec) => w.ports.filter((p) => !p.unjudged && hostPortNumber(p) > 0 && hostPortNumber(p) < 1024);

export const privilegedPorts: WorkloadItem = {
  id: '5.8',
  fixes: ['fail'],
  judge: (w) => {
    const bad = low(w);
    if (bad.length > 0)
      return verdict('fail', `${w.who} publishes privileged host port(s) ${[...new Set(bad.map((p) => p.hostPort))].join(', ')}.`, ...bad.map(describePort));
    if (w.ports.length === 0) return verdict('pass', `${w.who} publishes no ports.`, 'HostConfig.PortBindings: {}');
    return verdict('pass', `${w.who} publishes no host port below 1024.`, ...w.ports.map(describePort));
  },
  // The new port number is a site decision, so this is advice; a service's notes carry no impact line (pinned by the compose goldens).
  fix: (w) => ({
    manual: `${adviceName(w)}: publish ${portPairs(low(w))} on host ports of 1024 or above.`,
    ...(w.kind === 'container' ? { impact: 'Clients of the old port must move, or a proxy must forward it.' } : {}),
  }),
};

export const noPrivilegedPorts = workloadRule(privilegedPorts, {
  title: 'Ensure privileged ports are not mapped within containers',
  severity: 'low',
  rationale:
    "Ports below 1024 are assumed to belong to system services; a container published there can impersonate one, and the mapping bypasses the host's rule that only root binds them.",
  impact: 'Clients must use the new port, or a reverse proxy on the host must forward the well-known port.',
  remediation:
    'Publish the container on a host port of 1024 or above (`-p 8080:80`, Compose `ports: ["8080:80"]`) and, if a well-known port is needed, put a reverse proxy or load balancer in front. The new port number is a site decision, so the fix is advice only.',
  references: ['CIS Docker Benchmark v1.8.0, 5.8', 'https://docs.docker.com/engine/network/#published-ports'],
});
