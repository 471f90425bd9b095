// 5.5: --privileged lifts every isolation layer at once (all capabilities, all devices, no
// seccomp, no AppArmor/SELinux confinement). Created-but-stopped containers count too.
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

export const noPrivileged: WorkloadItem = {
  id: '5.5',
  fixes: ['fail'],
  judge: (w) =>
    w.privileged
      ? verdict(
          'fail',
          `${w.who} is privileged${w.kind === 'container' && !w.running ? ' (not running now, but will be when started)' : ''}.`,
          'HostConfig.Privileged: true',
        )
      : verdict('pass', `${w.who} is not privileged.`, 'HostConfig.Privileged: false'),
  fix: (w) => ({
    compose: [{ key: 'privileged', value: false }],
    recreate: ['--privileged=false'],
    // The service wording is shorter; both are pinned by the plan goldens.
    impact: `${w.who} loses all extra capabilities and host devices${w.kind === 'container' ? '; anything it does with them (mounts, device access, network setup) fails' : ''}.`,
  }),
};

export const noPrivilegedContainers = workloadRule(noPrivileged, {
  title: 'Ensure that privileged containers are not used',
  severity: 'critical',
  rationale:
    'A privileged container has every capability, sees every host device, and runs without seccomp and LSM confinement; root inside it can mount the host disk or load kernel modules, so it is root on the host.',
  impact: 'Software that manages devices, mounts or the network of the host stops working; it needs the specific capabilities and devices it uses instead.',
  remediation:
    'Recreate the container without --privileged (Compose: `privileged: false`), granting only the capabilities (`--cap-add`) and devices (`--device`) it really needs.',
  references: ['CIS Docker Benchmark v1.8.0, 5.5', 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities'],
});
