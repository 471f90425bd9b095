// 5.9: which ports are "needed" is a judgement the tool cannot make; what it can see is -P
// (PublishAllPorts), which publishes every EXPOSEd port whether needed or not.
import { describePort, portPairs } from './host-bindings.js';
import { verdict } from './support.js';
import { containerRule } from './workload-rule.js';

export const onlyNeededPorts = containerRule(
  {
    id: '5.9',
    title: 'Ensure that only needed ports are open on the container',
    severity: 'medium',
    rationale:
      'Every published port is reachable from outside the host; -P publishes all ports the image EXPOSEs, including debug and admin ports nobody meant to open.',
    impact: 'Clients relying on a port that -P published by chance lose access until it is published explicitly.',
    remediation:
      'Replace -P / --publish-all with explicit `-p HOSTIP:HOSTPORT:CONTAINERPORT` for the ports the service needs (Compose: list them under `ports:`). This check fails on -P and otherwise lists the published ports for review.',
    references: ['CIS Docker Benchmark v1.8.0, 5.9', 'https://docs.docker.com/reference/cli/docker/container/run/#publish-all'],
  },
  (c) => {
    const ports = c.inspect.ports.map(describePort);
    if (c.inspect.publishAllPorts)
      return verdict('fail', `Container ${c.name} publishes every exposed port (-P).`, 'HostConfig.PublishAllPorts: true', ...ports);
    if (ports.length === 0) return verdict('pass', `Container ${c.name} publishes no ports.`, 'HostConfig.PublishAllPorts: false, PortBindings: {}');
    return verdict('pass', `Container ${c.name} publishes only explicitly chosen ports; review that each is needed.`, ...ports);
  },
  {
    fix: (c) => ({
      manual: `Container ${c.name}: recreate it without -P and publish only the ports it needs with -p (currently: ${portPairs(c.inspect.ports) || 'none'}).`,
    }),
  },
);
