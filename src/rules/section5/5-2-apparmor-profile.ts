// 5.2: where the host runs AppArmor, every container should be confined by a profile; "unconfined"
// (explicit, or implied by --privileged) switches the confinement off.
import { securityOptions } from '../workload/workload-spec.js';
import { engineGate, securityModuleGate, verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

const NO_APPARMOR = 'The engine does not report AppArmor support, so no AppArmor profile can apply.';

export const apparmor: WorkloadItem = {
  id: '5.2',
  fixes: ['fail'],
  judge: (w, facts) => {
    const gate = securityModuleGate(facts, 'apparmor', NO_APPARMOR)?.[0];
    if (gate) return verdict(gate.status, gate.message, ...gate.evidence.map((e) => e.detail));
    const profile = w.apparmorProfile;
    const opt = securityOptions(w).find((o) => o.key === 'apparmor');
    if (profile === 'unconfined' || opt?.value === 'unconfined') {
      const why = opt?.value === 'unconfined' ? `HostConfig.SecurityOpt: ${opt.raw}` : 'AppArmorProfile: "unconfined"';
      return verdict('fail', `${w.who} runs without AppArmor confinement.`, why);
    }
    if (profile === '') return verdict('fail', `${w.who} has no AppArmor profile although the host supports AppArmor.`, 'AppArmorProfile: ""');
    // A service's profile is picked when its container is created: docker-default unless it opts out.
    if (profile === null) return verdict('pass', `${w.who} gets the engine's default AppArmor profile.`, 'security_opt: no apparmor=unconfined');
    return verdict('pass', `${w.who} runs under the AppArmor profile ${profile}.`, `AppArmorProfile: ${JSON.stringify(profile)}`);
  },
  fix: (w) => ({
    compose: [{ key: 'security_opt', value: ['apparmor=docker-default'] }],
    recreate: ['--security-opt', 'apparmor=docker-default'],
    impact: `${w.who} becomes confined by docker-default; operations the profile denies (mount, writes under /proc/sys) start failing.`,
  }),
};

export const apparmorProfile = workloadRule(
  apparmor,
  {
    title: 'Ensure that, if applicable, an AppArmor Profile is enabled',
    severity: 'medium',
    rationale:
      'AppArmor confines what a containerised process may touch (mounts, /proc and /sys writes, raw sockets) even when it runs as root; docker-default is applied automatically unless the container opts out.',
    impact: 'An application that needs an operation the profile denies fails with EACCES; such a container needs its own profile rather than none.',
    remediation:
      'Remove `--security-opt apparmor=unconfined` (and --privileged) and let the engine apply docker-default, or run with `--security-opt apparmor=<your-profile>` after loading the profile with apparmor_parser. In Compose: `security_opt: ["apparmor=docker-default"]`.',
    references: ['CIS Docker Benchmark v1.8.0, 5.2', 'https://docs.docker.com/engine/security/apparmor/'],
  },
  // One result for the whole host where it has no AppArmor, rather than one per container.
  { gate: (facts) => engineGate(facts) ?? securityModuleGate(facts, 'apparmor', NO_APPARMOR) },
);
