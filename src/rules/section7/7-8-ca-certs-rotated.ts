// 7.8: the engine does not report when the swarm root CA was last rotated.
import { swarmInfo, swarmManualItem } from './support.js';

export const caCertsRotated = swarmManualItem({
  id: '7.8',
  title: 'Ensure that CA certificates are rotated as appropriate',
  severity: 'low',
  rationale:
    'The swarm root CA signs every node certificate; rotating it after a suspected compromise, or on a schedule, invalidates certificates issued by a stolen key.',
  impact: 'Rotation reissues every node certificate; nodes offline during it must rejoin.',
  remediation: 'Rotate the root CA with `docker swarm ca --rotate` (optionally with an external CA) on a schedule and after any suspected key exposure.',
  references: ['CIS Docker Benchmark v1.8.0, 7.8', 'https://docs.docker.com/reference/cli/docker/swarm/ca/'],
  message: "The root CA's age is not recorded by the engine; confirm it is rotated as the site's policy requires.",
  shown: (facts) => {
    const issuer = swarmInfo(facts).Cluster?.TLSInfo?.CertIssuerSubject;
    return issuer ? [`docker info: Swarm.Cluster.TLSInfo.CertIssuerSubject: ${issuer}`] : [];
  },
  commands: ["docker info --format '{{json .Swarm.Cluster.TLSInfo}}'", 'docker swarm ca --rotate'],
});
