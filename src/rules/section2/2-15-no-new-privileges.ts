// CIS 2.15: no-new-privileges as the daemon default. The engine does not report it, so the
// configuration decides.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult, Rule } from '../rule.js';
import { configBlocker, readOption, type JsonKind } from './support.js';
import { settingResult } from './setting.js';
import { blockerAdvice, hasFailure, remedySetting } from './remedy.js';

const KEYS: Record<string, JsonKind> = { 'no-new-privileges': 'boolean' };
const ok = (v: unknown) => v === true;

const IMPACT =
  'setuid and setgid programs inside containers (sudo, su, ping on some images) stop gaining privileges, and SELinux domain transitions may be denied; a container can opt out with --security-opt no-new-privileges=false.';

function check(facts: HostFacts): CheckResult[] {
  const blocked = configBlocker(facts, KEYS);
  if (blocked) return [blocked];
  return [settingResult(facts, {
    subject: 'the no-new-privileges default',
    configured: readOption(facts, 'no-new-privileges', false),
    ok,
    pass: (r) => `no-new-privileges is true (${r.where}), so processes in new containers cannot gain privileges through setuid binaries`,
    fail: (r) => `no-new-privileges is ${JSON.stringify(r.value)} (${r.where}), so processes in containers can gain privileges through setuid or setgid binaries`,
  })];
}

function remediate(facts: HostFacts): Contribution[] {
  if (!hasFailure(check(facts))) return [];
  const blocked = blockerAdvice(facts, Object.keys(KEYS));
  if (blocked) return [blocked];
  return remedySetting(facts, {
    key: 'no-new-privileges',
    configured: readOption(facts, 'no-new-privileges', false),
    ok,
    fix: () => [{ kind: 'daemon-json-set', key: 'no-new-privileges', value: true, impact: IMPACT }],
  });
}

export const noNewPrivilegesRule: Rule = {
  id: '2.15',
  aliases: { '1.7.0': '2.14', '1.6.0': '2.14' },
  title: 'Ensure containers are restricted from acquiring new privileges',
  section: 2,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale:
    'A process that can gain privileges through setuid or setgid binaries or file capabilities can turn a foothold in a container into root inside it, which widens every escape path.',
  impact: IMPACT,
  remediation: 'Set "no-new-privileges": true in daemon.json and restart dockerd; containers that really need setuid tools opt out with --security-opt no-new-privileges=false.',
  references: [
    'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
    'https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html',
    'CIS Docker Benchmark v1.8.0, 2.15',
  ],
  check,
  remediate,
};
