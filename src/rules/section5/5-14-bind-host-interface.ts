// 5.14: a published port without a host IP (or with 0.0.0.0 / ::) listens on every interface of
// the host, including public ones. IPv6 wildcards count the same as IPv4 ones.
import type { PublishedPort, WorkloadSpec } from '../workload/workload-spec.js';
import { rebindPort } from '../workload/port-entries.js';
import { describePort, formatHostIp, isWildcardIp } from './host-bindings.js';
import type { ContainerFix } from './remediation.js';
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

const open = (p: PublishedPort) => !p.unjudged && isWildcardIp(p.hostIp);

/** A container's requested bindings, re-pointed at the profile's host IP, in -p short syntax. */
function reboundBindings(ports: readonly PublishedPort[], hostIp: string): string[] {
  const ip = formatHostIp(hostIp);
  // What was asked for; the live view only when nothing was (ports published with -P).
  const requested = ports.filter((p) => p.origin === 'HostConfig.PortBindings');
  const specs = (requested.length > 0 ? requested : ports).map((p) =>
    isWildcardIp(p.hostIp) ? `${ip}:${p.hostPort ? `${p.hostPort}:` : ':'}${p.containerPort}` : `${formatHostIp(p.hostIp)}:${p.hostPort}:${p.containerPort}`,
  );
  return [...new Set(specs)];
}

function rebound(w: WorkloadSpec, hostIp: string): ContainerFix | null {
  const impact = `${w.who} is reachable only on ${hostIp}; clients using other host addresses lose access.`;
  // A service's list is rewritten entry by entry, in the syntax each was written in.
  if (w.kind === 'service') return { compose: [{ key: 'ports', value: w.ports.map((p) => (open(p) ? rebindPort(p.entry, hostIp, true) : p.entry)) }], impact };
  const ports = reboundBindings(w.ports, hostIp);
  if (ports.length === 0) return { manual: `${w.who}: publish its ports on ${hostIp} only.` };
  return { compose: [{ key: 'ports', value: ports }], recreate: ports.flatMap((p) => ['-p', p]), impact };
}

export const hostInterface: WorkloadItem = {
  id: '5.14',
  fixes: ['fail'],
  judge: (w) => {
    const wide = w.ports.filter(open);
    if (wide.length > 0) return verdict('fail', `${w.who} publishes ports on all host interfaces.`, ...wide.map(describePort));
    if (w.ports.length === 0) return verdict('pass', `${w.who} publishes no ports, so it listens on no host interface.`, 'HostConfig.PortBindings: {}');
    return verdict('pass', `${w.who} publishes its ports on specific host addresses only.`, ...w.ports.map(describePort));
  },
  fix: (w, params) => rebound(w, params.bindHostIp),
};

export const bindHostInterface = workloadRule(hostInterface, {
  title: 'Ensure that incoming container traffic is bound to a specific host interface',
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
});
