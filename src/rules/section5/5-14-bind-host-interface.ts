// 5.14: a published port without a host IP (or with 0.0.0.0 / ::) listens on every interface of
// the host, including public ones. IPv6 wildcards count the same as IPv4 ones.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { describePort, formatHostIp, isWildcardIp, publishedPorts } from './host-bindings.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict, type ContainerView } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const ports = publishedPorts(c);
    const open = ports.filter((p) => isWildcardIp(p.hostIp));
    if (open.length > 0) return verdict('fail', `Container ${c.name} publishes ports on all host interfaces.`, ...open.map(describePort));
    if (ports.length === 0)
      return verdict('pass', `Container ${c.name} publishes no ports, so it listens on no host interface.`, 'HostConfig.PortBindings: {}');
    return verdict('pass', `Container ${c.name} publishes its ports on specific host addresses only.`, ...ports.map(describePort));
  });
}

/** The container's requested bindings, re-pointed at the profile's host IP, in compose/-p short syntax. */
export function reboundPorts(c: ContainerView, hostIp: string): string[] {
  const ip = formatHostIp(hostIp);
  const all = publishedPorts(c);
  // What was asked for; the live view only when nothing was (ports published with -P).
  const requested = all.filter((p) => p.origin === 'HostConfig.PortBindings');
  const specs = (requested.length > 0 ? requested : all).map((p) =>
    isWildcardIp(p.hostIp) ? `${ip}:${p.hostPort ? `${p.hostPort}:` : ':'}${p.containerPort}` : `${formatHostIp(p.hostIp)}:${p.hostPort}:${p.containerPort}`,
  );
  return [...new Set(specs)];
}

export const bindHostInterface: Rule = {
  id: '5.14',
  aliases: { '1.7.0': '5.14', '1.6.0': '5.14' },
  title: 'Ensure that incoming container traffic is bound to a specific host interface',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale:
    "Ports published on 0.0.0.0 or :: are reachable on every host address, including public and IPv6 ones that the firewall may not cover (Docker's own iptables rules bypass host firewalls such as ufw).",
  impact: 'Clients that reached the port through another host address lose access.',
  remediation:
    'Publish each port on the address that should serve it: `-p 127.0.0.1:8080:80` or `-p 10.0.0.5:8080:80` (Compose: `"127.0.0.1:8080:80"` or `host_ip:`). The profile parameter bindHostIp is used for the generated change; in a Compose override the ports list must replace the base list (`ports: !override`), since ports with another host IP are added, not replaced.',
  references: [
    'CIS Docker Benchmark v1.8.0, 5.14',
    'https://docs.docker.com/engine/network/packet-filtering-firewalls/#setting-the-default-bind-address-for-containers',
  ],
  check,
  remediate: (facts, params) =>
    remediateFailures(facts, check, (c) => {
      const ports = reboundPorts(c, params.bindHostIp);
      if (ports.length === 0) return { manual: `Container ${c.name}: publish its ports on ${params.bindHostIp} only.` };
      return {
        compose: [{ key: 'ports', value: ports }],
        recreate: ports.flatMap((p) => ['-p', p]),
        impact: `Container ${c.name} is reachable only on ${params.bindHostIp}; clients using other host addresses lose access.`,
      };
    }),
};
