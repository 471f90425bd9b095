// 5.30: every container on docker0 can reach every other one (unless icc is off), and the default
// bridge has no service-name DNS; user-defined networks isolate groups of containers.
import type { WorkloadSpec } from '../workload/workload-spec.js';
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

function onDefaultBridge(w: WorkloadSpec): string | null {
  const mode = w.namespaces.network;
  if (mode === 'default' || mode === 'bridge') return `HostConfig.NetworkMode: ${JSON.stringify(mode)}`;
  if (w.networks.includes('bridge')) return 'NetworkSettings.Networks: bridge';
  return null;
}

export const defaultBridge: WorkloadItem = {
  id: '5.30',
  fixes: ['fail'],
  judge: (w) => {
    const why = onDefaultBridge(w);
    if (why) return verdict('fail', `${w.who} is attached to the default bridge (docker0).`, why);
    const nets = w.networks.length ? `, networks: ${w.networks.join(', ')}` : '';
    return verdict('pass', `${w.who} does not use the default bridge.`, `HostConfig.NetworkMode: ${JSON.stringify(w.namespaces.network)}${nets}`);
  },
  fix: (w) => ({
    compose: [{ key: 'network_mode', value: null }],
    recreate: ['--network', `${w.name}-net`],
    // A service gets the project's default network from Compose; a container needs one created.
    impact:
      w.kind === 'service'
        ? `${w.who} leaves docker0 for the project's own network.`
        : `${w.who} leaves docker0: create the network first (\`docker network create ${w.name}-net\`) and attach every container it talks to.`,
  }),
};

export const defaultBridgeNotUsed = workloadRule(defaultBridge, {
  level: 2,
  title: "Ensure that Docker's default bridge docker0 is not used",
  severity: 'low',
  rationale:
    'All containers on docker0 share one flat network where any of them can reach (and ARP-spoof) the others; user-defined networks separate applications and give name-based discovery.',
  impact: 'Containers that talked to each other over docker0 must join a common user-defined network.',
  remediation:
    'Create a user-defined network per application (`docker network create app-net`) and run containers with `--network app-net`; Compose does this by default, so remove `network_mode: bridge`.',
  references: [
    'CIS Docker Benchmark v1.8.0, 5.30',
    'https://docs.docker.com/engine/network/drivers/bridge/#differences-between-user-defined-bridges-and-the-default-bridge',
  ],
});
