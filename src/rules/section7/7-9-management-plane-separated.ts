// 7.9: the data path address is not part of /info; only the advertised management address is.
import { swarmInfo, swarmManualItem } from './support.js';

export const managementPlaneSeparated = swarmManualItem({
  id: '7.9',
  title: 'Ensure that management plane traffic is separated from data plane traffic',
  severity: 'medium',
  rationale:
    'With management and container traffic on one interface, a flood or compromise on the data network also disrupts or exposes cluster control traffic.',
  impact: 'Needs a second network interface per node and leaving/rejoining the swarm to change addresses.',
  remediation: 'Initialise or join with separate addresses: `docker swarm init --advertise-addr <mgmt-ip> --data-path-addr <data-ip>`.',
  references: ['CIS Docker Benchmark v1.8.0, 7.9', 'https://docs.docker.com/engine/swarm/networking/#use-a-separate-interface-for-control-and-data-traffic'],
  message: 'The data path address is not in the engine data; confirm overlay traffic uses a different interface than the management address.',
  shown: (facts) => [`docker info: Swarm.NodeAddr: ${JSON.stringify(swarmInfo(facts).NodeAddr ?? '')}`],
  commands: ["docker node inspect self --format '{{.Status.Addr}} {{.ManagerStatus.Addr}}'"],
});
