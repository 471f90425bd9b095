// 5.30: every container on docker0 can reach every other one (unless icc is off), and the default
// bridge has no service-name DNS; user-defined networks isolate groups of containers.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict, type ContainerView } from './support.js';

function onDefaultBridge(c: ContainerView): string | null {
  const mode = String(c.hostConfig.NetworkMode ?? '');
  if (mode === 'default' || mode === 'bridge') return `HostConfig.NetworkMode: ${JSON.stringify(mode)}`;
  if (c.raw.NetworkSettings?.Networks?.bridge) return 'NetworkSettings.Networks: bridge';
  return null;
}

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const why = onDefaultBridge(c);
    if (why) return verdict('fail', `Container ${c.name} is attached to the default bridge (docker0).`, why);
    const nets = Object.keys(c.raw.NetworkSettings?.Networks ?? {});
    return verdict('pass', `Container ${c.name} does not use the default bridge.`, `HostConfig.NetworkMode: ${JSON.stringify(c.hostConfig.NetworkMode ?? '')}${nets.length ? `, networks: ${nets.join(', ')}` : ''}`);
  });
}

export const defaultBridgeNotUsed: Rule = {
  id: '5.30',
  aliases: { '1.7.0': '5.30', '1.6.0': '5.30' },
  title: "Ensure that Docker's default bridge docker0 is not used",
  section: 5,
  level: 2,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale:
    'All containers on docker0 share one flat network where any of them can reach (and ARP-spoof) the others; user-defined networks separate applications and give name-based discovery.',
  impact: 'Containers that talked to each other over docker0 must join a common user-defined network.',
  remediation:
    'Create a user-defined network per application (`docker network create app-net`) and run containers with `--network app-net`; Compose does this by default, so remove `network_mode: bridge`.',
  references: ['CIS Docker Benchmark v1.8.0, 5.30', 'https://docs.docker.com/engine/network/drivers/bridge/#differences-between-user-defined-bridges-and-the-default-bridge'],
  check,
  remediate: (facts) =>
    remediateFailures(facts, check, (c) => ({
      compose: [{ key: 'network_mode', value: null }],
      recreate: ['--network', `${c.name}-net`],
      impact: `Container ${c.name} leaves docker0: create the network first (\`docker network create ${c.name}-net\`) and attach every container it talks to.`,
    })),
};
