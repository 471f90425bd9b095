// 5.10: --network host gives the container the host's interfaces, routes and every listening
// socket, including services bound to 127.0.0.1.
import { hostNamespaceItem } from './namespaces.js';
import { workloadRule } from './workload-rule.js';

export const hostNetwork = hostNamespaceItem({
  id: '5.10',
  kind: 'network',
  recreate: (w) => ['--network', `${w.name}-net`],
  impact: {
    container:
      'it gets its own network namespace: create the network first (`docker network create <name>-net`), publish the ports it serves with -p, and note that host services on 127.0.0.1 are no longer reachable from it.',
    service: 'it gets its own network namespace: publish the ports it serves, and host services on 127.0.0.1 are no longer reachable from it.',
  },
});

export const hostNetworkNotShared = workloadRule(hostNetwork, {
  title: "Ensure that the host's network namespace is not shared",
  severity: 'high',
  rationale:
    'A container on the host network can bind any host port, sniff and reconfigure host interfaces (with NET_ADMIN/NET_RAW) and reach services listening only on localhost, such as a TCP Docker API.',
  impact: 'Software that needs the host network (some monitoring agents, network appliances) stops working; services must publish their ports explicitly.',
  remediation:
    'Recreate the container on a user-defined network (`docker network create app-net; docker run --network app-net -p 127.0.0.1:8080:80 ...`); in Compose remove `network_mode: host` and publish ports under `ports:`.',
  references: ['CIS Docker Benchmark v1.8.0, 5.10', 'https://docs.docker.com/engine/network/drivers/host/'],
});
