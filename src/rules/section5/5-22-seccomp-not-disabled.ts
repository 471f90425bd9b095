// 5.22: the default seccomp profile blocks about 44 dangerous syscalls (keyctl, mount, kexec...).
// It is off when a container says seccomp=unconfined, when it is privileged, or when the daemon's
// own default profile is "unconfined".
import { effectiveConfig } from '../../facts/effective-config.js';
import { adviceName, securityOptions } from '../workload/workload-spec.js';
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

export const seccomp: WorkloadItem = {
  id: '5.22',
  fixes: ['fail'],
  judge: (w, facts) => {
    const own = securityOptions(w).find((o) => o.key === 'seccomp');
    if (own?.value === 'unconfined') return verdict('fail', `${w.who} disables seccomp.`, `HostConfig.SecurityOpt: ${own.raw}`);
    if (w.privileged) return verdict('fail', `${w.who} is privileged, which runs it without seccomp.`, 'HostConfig.Privileged: true');
    if (own) {
      const profile = own.value && own.value.length > 80 ? '<inline profile>' : own.value;
      return verdict('pass', `${w.who} runs with its own seccomp profile.`, `HostConfig.SecurityOpt: seccomp=${profile}`);
    }
    const daemon = effectiveConfig(facts).get('seccomp-profile');
    if (daemon?.value === 'unconfined') return verdict('fail', `${w.who} inherits the daemon's "unconfined" seccomp default.`, daemon.evidence);
    const detail = daemon ? daemon.evidence : 'HostConfig.SecurityOpt: no seccomp option (engine default profile)';
    return verdict('pass', `${w.who} runs with the daemon's seccomp profile.`, detail);
  },
  fix: (w) => {
    if (w.kind === 'container') {
      const what = 'remove seccomp=unconfined from its security options (and --privileged), or give it a custom seccomp profile';
      return { manual: `${adviceName(w)}: ${what}.` };
    }
    // The override removes a service's seccomp=unconfined itself (src/compose/service-wants.ts).
    const what = 'is privileged, which runs it without seccomp: set privileged: false and grant only the capabilities and devices it needs';
    return w.privileged ? { manual: `${w.who} ${what}.` } : null;
  },
};

export const seccompNotDisabled = workloadRule(seccomp, {
  title: 'Ensure the default seccomp profile is not Disabled',
  severity: 'high',
  rationale:
    'Seccomp filters the syscalls a container may make; without it every kernel entry point is reachable, and most container-escape kernel bugs need one of the syscalls the default profile blocks.',
  impact: 'Software that uses a blocked syscall (some debuggers, nested containers) needs a custom profile that allows just that call.',
  remediation:
    'Remove `--security-opt seccomp=unconfined` (also written seccomp:unconfined) and --privileged, or give the container a custom profile (`--security-opt seccomp=/path/profile.json`) that adds only the syscalls it needs. Do not set the daemon\'s seccomp-profile to "unconfined".',
  references: ['CIS Docker Benchmark v1.8.0, 5.22', 'https://docs.docker.com/engine/security/seccomp/'],
});
