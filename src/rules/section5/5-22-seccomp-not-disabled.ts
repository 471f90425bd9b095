// 5.22: the default seccomp profile blocks about 44 dangerous syscalls (keyctl, mount, kexec...).
// It is off when a container says seccomp=unconfined, when it is privileged, or when the daemon's
// own default profile is "unconfined".
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import type { CheckResult, Rule } from '../rule.js';
import { remediateFailures } from './remediation.js';
import { perContainer, securityOpts, verdict } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  const daemon = effectiveConfig(facts).get('seccomp-profile');
  return perContainer(facts, (c) => {
    const own = securityOpts(c).find((o) => o.key === 'seccomp');
    if (own?.value === 'unconfined') return verdict('fail', `Container ${c.name} disables seccomp.`, `HostConfig.SecurityOpt: ${own.raw}`);
    if (c.hostConfig.Privileged === true)
      return verdict('fail', `Container ${c.name} is privileged, which runs it without seccomp.`, 'HostConfig.Privileged: true');
    if (own)
      return verdict(
        'pass',
        `Container ${c.name} runs with its own seccomp profile.`,
        `HostConfig.SecurityOpt: seccomp=${own.value && own.value.length > 80 ? '<inline profile>' : own.value}`,
      );
    if (daemon?.value === 'unconfined') return verdict('fail', `Container ${c.name} inherits the daemon's "unconfined" seccomp default.`, daemon.evidence);
    return verdict(
      'pass',
      `Container ${c.name} runs with the daemon's seccomp profile.`,
      daemon ? daemon.evidence : 'HostConfig.SecurityOpt: no seccomp option (engine default profile)',
    );
  });
}

export const seccompNotDisabled: Rule = {
  id: '5.22',
  aliases: { '1.7.0': '5.22', '1.6.0': '5.22' },
  title: 'Ensure the default seccomp profile is not Disabled',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'high',
  rationale:
    'Seccomp filters the syscalls a container may make; without it every kernel entry point is reachable, and most container-escape kernel bugs need one of the syscalls the default profile blocks.',
  impact: 'Software that uses a blocked syscall (some debuggers, nested containers) needs a custom profile that allows just that call.',
  remediation:
    'Remove `--security-opt seccomp=unconfined` (also written seccomp:unconfined) and --privileged, or give the container a custom profile (`--security-opt seccomp=/path/profile.json`) that adds only the syscalls it needs. Do not set the daemon\'s seccomp-profile to "unconfined".',
  references: ['CIS Docker Benchmark v1.8.0, 5.22', 'https://docs.docker.com/engine/security/seccomp/'],
  check,
  remediate: (facts) =>
    remediateFailures(facts, check, (c) => ({
      manual: `Container ${c.name}${c.subject.service ? ` (compose service ${c.subject.project}/${c.subject.service})` : ''}: remove seccomp=unconfined from its security options (and --privileged), or give it a custom seccomp profile.`,
    })),
};
