// CIS 2.17: userland-proxy false, so published ports are forwarded by iptables NAT instead of a
// docker-proxy process per port. Without iptables nothing would forward them at all.
import { readOption } from './support.js';
import { manual } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';

const IMPACT =
  "On Docker 28+ dockerd needs the br_netfilter module and fails bridge setup without it; published ports are no longer reachable on the host's IPv6 loopback address (::1), since hairpin NAT only covers IPv4.";

export const userlandProxyDisabledRule = daemonSettingRule(
  {
    id: '2.17',
    aliases: { '1.7.0': '2.16', '1.6.0': '2.16' },
    title: 'Ensure Userland Proxy is Disabled',
    level: 1,
    automated: false,
    severity: 'low',
    rationale:
      'The userland proxy is an extra root process per published port that relays traffic in user space; kernel NAT does the same job with less attack surface and overhead.',
    impact: IMPACT,
    remediation: 'Make sure br_netfilter is loaded (Docker 28+), set "userland-proxy": false in daemon.json and restart dockerd.',
    references: [
      'https://docs.docker.com/engine/network/packet-filtering-firewalls/',
      'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
      'CIS Docker Benchmark v1.8.0, 2.17',
    ],
  },
  {
    key: 'userland-proxy',
    reads: ['iptables'],
    subject: 'the userland-proxy setting',
    ok: (v) => v === false,
    pass: (r) => `userland-proxy is false (${r.where}), so published ports are forwarded by the kernel instead of docker-proxy processes`,
    fail: (r) => `userland-proxy is true (${r.where}), so a root docker-proxy process listens for every published port`,
    fix: (_r, facts) =>
      readOption(facts, 'iptables')?.value === false
        ? [
            manual(
              'Not disabling the userland proxy: iptables is false, so nothing else would forward published ports; let Docker manage iptables (CIS 2.4) first.',
            ),
          ]
        : [{ kind: 'daemon-json-set', key: 'userland-proxy', value: false, impact: IMPACT }],
  },
);
