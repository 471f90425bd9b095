// 5.3: on an SELinux host, CIS asks for explicit `label=` options; only those count here (a
// seccomp= or apparmor= option says nothing about SELinux), and label=disable is the opposite.
import { containerRule } from './workload-rule.js';
import { engineGate, securityModuleGate, securityOpts, verdict } from './support.js';

const NO_SELINUX = 'The engine does not run with SELinux support, so SELinux options cannot apply.';

export const selinuxOptions = containerRule(
  {
    id: '5.3',
    title: 'Ensure that, if applicable, SELinux security options are set',
    level: 2,
    severity: 'medium',
    rationale:
      "SELinux type and MCS labels keep a container from reading or writing other containers' and the host's files even after a breakout; label=disable (also implied by --privileged) removes that layer.",
    impact: 'Bind mounts need the :z/:Z relabel suffix or a matching label, or the container loses access to them.',
    remediation:
      'Start dockerd with `"selinux-enabled": true` and run containers with explicit SELinux options, e.g. `--security-opt label=type:container_t --security-opt label=level:s0:c100,c200`; never `label=disable`. In Compose: `security_opt: ["label=type:container_t"]`. The labels depend on the site policy, so no change is generated.',
    references: ['CIS Docker Benchmark v1.8.0, 5.3', 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt'],
  },
  (c) => {
    const labels = securityOpts(c).filter((o) => o.key === 'label');
    const disabled = labels.find((o) => o.value === 'disable');
    if (disabled) return verdict('fail', `Container ${c.name} has SELinux labelling disabled.`, `HostConfig.SecurityOpt: ${disabled.raw}`);
    if (labels.length === 0) {
      const all = JSON.stringify(c.hostConfig.SecurityOpt ?? []);
      return verdict('fail', `Container ${c.name} sets no SELinux label options.`, `HostConfig.SecurityOpt: ${all} (no label= option)`);
    }
    return verdict('pass', `Container ${c.name} sets SELinux label options.`, `HostConfig.SecurityOpt: ${labels.map((o) => o.raw).join(', ')}`);
  },
  { gate: (facts) => engineGate(facts) ?? securityModuleGate(facts, 'selinux', NO_SELINUX) },
);
