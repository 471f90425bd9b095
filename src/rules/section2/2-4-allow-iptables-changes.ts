// CIS 2.4: let dockerd manage iptables. Only an explicit false is a finding; the fix removes it so
// the built-in default (true) applies again.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult, Rule } from '../rule.js';
import { configBlocker, readOption, type JsonKind } from './support.js';
import { settingResult } from './setting.js';
import { blockerAdvice, hasFailure, remedySetting } from './remedy.js';

const KEYS: Record<string, JsonKind> = { iptables: 'boolean' };
const ok = (v: unknown) => v !== false;

const IMPACT =
  'dockerd adds its own NAT and filter chains (DOCKER, DOCKER-USER, ...) again; a firewall that is managed elsewhere must leave those chains alone and put its own container rules in DOCKER-USER.';

function check(facts: HostFacts): CheckResult[] {
  const blocked = configBlocker(facts, KEYS);
  if (blocked) return [blocked];
  return [settingResult(facts, {
    subject: 'the iptables setting',
    configured: readOption(facts, 'iptables', true),
    ok,
    pass: (r) => `iptables is ${JSON.stringify(r.value)} (${r.where}), so dockerd keeps the firewall rules for container networking in step`,
    fail: (r) => `iptables is false (${r.where}), so published ports and container isolation depend on rules nobody keeps in step with the containers`,
  })];
}

function remediate(facts: HostFacts): Contribution[] {
  if (!hasFailure(check(facts))) return [];
  const blocked = blockerAdvice(facts, Object.keys(KEYS));
  if (blocked) return [blocked];
  return remedySetting(facts, {
    key: 'iptables',
    configured: readOption(facts, 'iptables', true),
    ok,
    fix: () => [{ kind: 'daemon-json-remove', key: 'iptables', reason: 'the default (true) lets dockerd manage the iptables rules containers need', impact: IMPACT }],
  });
}

export const allowIptablesChangesRule: Rule = {
  id: '2.4',
  aliases: { '1.7.0': '2.4', '1.6.0': '2.4' },
  title: 'Ensure Docker is allowed to make changes to iptables',
  section: 2,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale:
    'With iptables management off, published ports, NAT and the isolation between networks rely on hand-written rules that drift from the running containers, which tends to leave services exposed or inter-network traffic open.',
  impact: IMPACT,
  remediation: 'Remove "iptables": false from daemon.json (or the --iptables=false flag) and restart dockerd.',
  references: [
    'https://docs.docker.com/engine/network/packet-filtering-firewalls/',
    'CIS Docker Benchmark v1.8.0, 2.4',
  ],
  check,
  remediate,
};
