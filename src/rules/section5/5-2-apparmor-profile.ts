// 5.2: where the host runs AppArmor, every container should be confined by a profile; "unconfined"
// (explicit, or implied by --privileged) switches the confinement off.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { remediateFailures } from './remediation.js';
import { engineGate, hostSecurityOptions, perContainer, securityOpts, verdict } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  const gate = engineGate(facts);
  if (gate) return gate;
  if (!hostSecurityOptions(facts).has('apparmor')) {
    const opts = JSON.stringify(facts.engine!.info?.SecurityOptions ?? []);
    return [
      {
        status: 'not-applicable',
        message: 'The engine does not report AppArmor support, so no AppArmor profile can apply.',
        evidence: [{ kind: 'engine', detail: `docker info: SecurityOptions: ${opts}` }],
      },
    ];
  }
  return perContainer(facts, (c) => {
    const profile = String(c.raw.AppArmorProfile ?? '');
    const opt = securityOpts(c).find((o) => o.key === 'apparmor');
    if (profile === 'unconfined' || opt?.value === 'unconfined') {
      const why = opt?.value === 'unconfined' ? `HostConfig.SecurityOpt: ${opt.raw}` : 'AppArmorProfile: "unconfined"';
      return verdict('fail', `Container ${c.name} runs without AppArmor confinement.`, why);
    }
    if (profile === '') return verdict('fail', `Container ${c.name} has no AppArmor profile although the host supports AppArmor.`, 'AppArmorProfile: ""');
    return verdict('pass', `Container ${c.name} runs under the AppArmor profile ${profile}.`, `AppArmorProfile: ${JSON.stringify(profile)}`);
  });
}

export const apparmorProfile: Rule = {
  id: '5.2',
  aliases: { '1.7.0': '5.2', '1.6.0': '5.2' },
  title: 'Ensure that, if applicable, an AppArmor Profile is enabled',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale:
    'AppArmor confines what a containerised process may touch (mounts, /proc and /sys writes, raw sockets) even when it runs as root; docker-default is applied automatically unless the container opts out.',
  impact: 'An application that needs an operation the profile denies fails with EACCES; such a container needs its own profile rather than none.',
  remediation:
    'Remove `--security-opt apparmor=unconfined` (and --privileged) and let the engine apply docker-default, or run with `--security-opt apparmor=<your-profile>` after loading the profile with apparmor_parser. In Compose: `security_opt: ["apparmor=docker-default"]`.',
  references: ['CIS Docker Benchmark v1.8.0, 5.2', 'https://docs.docker.com/engine/security/apparmor/'],
  check,
  remediate: (facts) =>
    remediateFailures(facts, check, (c) => ({
      compose: [{ key: 'security_opt', value: ['apparmor=docker-default'] }],
      recreate: ['--security-opt', 'apparmor=docker-default'],
      impact: `Container ${c.name} becomes confined by docker-default; operations the profile denies (mount, writes under /proc/sys) start failing.`,
    })),
};
