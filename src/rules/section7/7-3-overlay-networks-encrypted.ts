// 7.3: overlay traffic between nodes is VXLAN in clear text unless the network was created with
// the "encrypted" option (IPsec). The ingress network is created by the swarm itself and skipped.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { swarmItem } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  const overlays = (facts.engine!.networks ?? []).filter((n) => n.Driver === 'overlay' && n.Scope === 'swarm' && n.Name !== 'ingress' && n.Ingress !== true);
  if (overlays.length === 0) {
    return [
      {
        status: 'not-applicable',
        message: 'This node sees no swarm overlay networks besides ingress.',
        evidence: [{ kind: 'engine', detail: `networks: ${(facts.engine!.networks ?? []).map((n) => `${n.Name} (${n.Driver})`).join(', ') || 'none'}` }],
      },
    ];
  }
  return overlays.map((n): CheckResult => {
    const opts: Record<string, string> = n.Options ?? {};
    const on = Object.hasOwn(opts, 'encrypted') && opts.encrypted !== 'false';
    const evidence = [{ kind: 'network', detail: `network ${n.Name}: Driver overlay, Options: ${JSON.stringify(opts)}` }];
    return on
      ? { status: 'pass', message: `Overlay network ${n.Name} is encrypted.`, evidence }
      : { status: 'fail', message: `Overlay network ${n.Name} carries traffic between nodes unencrypted.`, evidence };
  });
}

export const overlayNetworksEncrypted = swarmItem({
  id: '7.3',
  title: 'Ensure that all Docker swarm overlay networks are encrypted',
  severity: 'high',
  rationale: 'Unencrypted overlay traffic crosses the physical network as plain VXLAN, readable and injectable by anyone on the path between nodes.',
  impact: 'IPsec costs CPU and some throughput; the option cannot be added to an existing network, so services must move to a new one.',
  remediation:
    'Create overlay networks with encryption (`docker network create --driver overlay --opt encrypted <name>`; Compose/stack `driver_opts: {encrypted: ""}`), move services to them (`docker service update --network-rm old --network-add new <service>`), and remove the old ones.',
  references: ['CIS Docker Benchmark v1.8.0, 7.3', 'https://docs.docker.com/engine/network/drivers/overlay/#encrypt-traffic-on-an-overlay-network'],
  check,
  fix: (failed) =>
    failed.map((r) => ({
      kind: 'manual' as const,
      text: `${r.message} Create an encrypted replacement (docker network create --driver overlay --opt encrypted <name>) and move its services to it.`,
      impact: 'Services are briefly detached while they move networks.',
    })),
});
