// CIS 2.4: let dockerd manage iptables. Only an explicit false is a finding; the fix removes it so
// the built-in default (true) applies again.
import { daemonSettingRule } from './setting-rule.js';

const IMPACT =
  'dockerd adds its own NAT and filter chains (DOCKER, DOCKER-USER, ...) again; a firewall that is managed elsewhere must leave those chains alone and put its own container rules in DOCKER-USER.';

export const allowIptablesChangesRule = daemonSettingRule(
  {
    id: '2.4',
    aliases: { '1.7.0': '2.4', '1.6.0': '2.4' },
    title: 'Ensure Docker is allowed to make changes to iptables',
    level: 1,
    automated: false,
    severity: 'medium',
    rationale:
      'With iptables management off, published ports, NAT and the isolation between networks rely on hand-written rules that drift from the running containers, which tends to leave services exposed or inter-network traffic open.',
    impact: IMPACT,
    remediation: 'Remove "iptables": false from daemon.json (or the --iptables=false flag) and restart dockerd.',
    references: ['https://docs.docker.com/engine/network/packet-filtering-firewalls/', 'CIS Docker Benchmark v1.8.0, 2.4'],
  },
  {
    key: 'iptables',
    subject: 'the iptables setting',
    ok: (v) => v !== false,
    pass: (r) => `iptables is ${JSON.stringify(r.value)} (${r.where}), so dockerd keeps the firewall rules for container networking in step`,
    fail: (r) => `iptables is false (${r.where}), so published ports and container isolation depend on rules nobody keeps in step with the containers`,
    fix: () => [
      { kind: 'daemon-json-remove', key: 'iptables', reason: 'the default (true) lets dockerd manage the iptables rules containers need', impact: IMPACT },
    ],
  },
);
