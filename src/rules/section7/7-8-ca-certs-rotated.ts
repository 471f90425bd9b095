// 7.8: the engine does not report when the swarm root CA was last rotated.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { swarmInfo, swarmManual } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  const issuer = swarmInfo(facts).Cluster?.TLSInfo?.CertIssuerSubject;
  return swarmManual(
    facts,
    "The root CA's age is not recorded by the engine; confirm it is rotated as the site's policy requires.",
    issuer ? [`docker info: Swarm.Cluster.TLSInfo.CertIssuerSubject: ${issuer}`] : [],
    "docker info --format '{{json .Swarm.Cluster.TLSInfo}}'",
    'docker swarm ca --rotate',
  );
}

export const caCertsRotated: Rule = {
  id: '7.8',
  aliases: { '1.7.0': '7.8', '1.6.0': '7.8' },
  title: 'Ensure that CA certificates are rotated as appropriate',
  section: 7,
  level: 1,
  automated: false,
  checks: 'manual',
  severity: 'low',
  rationale:
    'The swarm root CA signs every node certificate; rotating it after a suspected compromise, or on a schedule, invalidates certificates issued by a stolen key.',
  impact: 'Rotation reissues every node certificate; nodes offline during it must rejoin.',
  remediation: 'Rotate the root CA with `docker swarm ca --rotate` (optionally with an external CA) on a schedule and after any suspected key exposure.',
  references: ['CIS Docker Benchmark v1.8.0, 7.8', 'https://docs.docker.com/reference/cli/docker/swarm/ca/'],
  check,
};
