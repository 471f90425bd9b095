// CIS 2.17: userland-proxy false, so published ports are forwarded by iptables NAT instead of a
// docker-proxy process per port. Without iptables nothing would forward them at all.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult, Rule } from '../rule.js';
import { configBlocker, readOption, type JsonKind } from './support.js';
import { settingResult } from './setting.js';
import { blockerAdvice, hasFailure, manual, remedySetting } from './remedy.js';

const KEYS: Record<string, JsonKind> = { 'userland-proxy': 'boolean', iptables: 'boolean' };
const ok = (v: unknown) => v === false;

const IMPACT =
  'On Docker 28+ dockerd needs the br_netfilter module and fails bridge setup without it; published ports are no longer reachable on the host\'s IPv6 loopback address (::1), since hairpin NAT only covers IPv4.';

function check(facts: HostFacts): CheckResult[] {
  const blocked = configBlocker(facts, KEYS);
  if (blocked) return [blocked];
  return [settingResult(facts, {
    subject: 'the userland-proxy setting',
    configured: readOption(facts, 'userland-proxy', true),
    ok,
    pass: (r) => `userland-proxy is false (${r.where}), so published ports are forwarded by the kernel instead of docker-proxy processes`,
    fail: (r) => `userland-proxy is true (${r.where}), so a root docker-proxy process listens for every published port`,
  })];
}

function remediate(facts: HostFacts): Contribution[] {
  if (!hasFailure(check(facts))) return [];
  const blocked = blockerAdvice(facts, Object.keys(KEYS));
  if (blocked) return [blocked];
  return remedySetting(facts, {
    key: 'userland-proxy',
    configured: readOption(facts, 'userland-proxy', true),
    ok,
    fix: () =>
      readOption(facts, 'iptables', true)?.value === false
        ? [manual('Not disabling the userland proxy: iptables is false, so nothing else would forward published ports; let Docker manage iptables (CIS 2.4) first.')]
        : [{ kind: 'daemon-json-set', key: 'userland-proxy', value: false, impact: IMPACT }],
  });
}

export const userlandProxyDisabledRule: Rule = {
  id: '2.17',
  aliases: { '1.7.0': '2.16', '1.6.0': '2.16' },
  title: 'Ensure Userland Proxy is Disabled',
  section: 2,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'low',
  rationale:
    'The userland proxy is an extra root process per published port that relays traffic in user space; kernel NAT does the same job with less attack surface and overhead.',
  impact: IMPACT,
  remediation:
    'Make sure br_netfilter is loaded (Docker 28+), set "userland-proxy": false in daemon.json and restart dockerd.',
  references: [
    'https://docs.docker.com/engine/network/packet-filtering-firewalls/',
    'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
    'CIS Docker Benchmark v1.8.0, 2.17',
  ],
  check,
  remediate,
};
