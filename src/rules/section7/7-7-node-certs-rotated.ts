// 7.7: "as appropriate" is site policy; the check reports the configured node certificate expiry.
import { nsToDays, swarmInfo, swarmManualItem } from './support.js';

export const nodeCertsRotated = swarmManualItem({
  id: '7.7',
  title: 'Ensure that node certificates are rotated as appropriate',
  severity: 'low',
  rationale: 'Node certificates authenticate every node to the managers; a shorter lifetime shortens the window in which a stolen certificate works.',
  impact: 'Very short expiry periods add renewal traffic and fail nodes that are offline longer than the period.',
  remediation: 'Set the node certificate lifetime to the site policy with `docker swarm update --cert-expiry <duration>` (default 90 days).',
  references: ['CIS Docker Benchmark v1.8.0, 7.7', 'https://docs.docker.com/reference/cli/docker/swarm/update/'],
  message: "Node certificates renew automatically before they expire; confirm the expiry period matches the site's policy.",
  shown: (facts) => {
    const expiry = swarmInfo(facts).Cluster?.Spec?.CAConfig?.NodeCertExpiry;
    return [`docker info: Swarm.Cluster.Spec.CAConfig.NodeCertExpiry: ${expiry === undefined ? 'not visible on this node' : nsToDays(expiry)}`];
  },
  commands: ["docker info --format '{{.Swarm.Cluster.Spec.CAConfig.NodeCertExpiry}}'", 'docker swarm update --cert-expiry 720h'],
});
