// 5.31: on a daemon with userns-remap, --userns=host opts one container out of the remapping, so
// its root is the host's root again.
import { hostNamespaceItem } from './namespaces.js';
import { workloadRule } from './workload-rule.js';

export const hostUserns = hostNamespaceItem({
  id: '5.31',
  kind: 'userns',
  // The empty value follows the daemon's userns-remap setting.
  recreate: () => ['--userns='],
  impact: {
    container:
      'its root is remapped to an unprivileged host user (where the daemon uses userns-remap); bind mounts owned by host root become read-only or inaccessible to it.',
    service: 'its root is remapped where the daemon uses userns-remap; bind mounts owned by host root may become inaccessible.',
  },
});

export const hostUsernsNotShared = workloadRule(hostUserns, {
  title: "Ensure that the host's user namespaces are not shared",
  severity: 'high',
  rationale:
    'User namespace remapping makes root in a container an unprivileged user on the host; --userns=host turns that off for the container, so a breakout lands as real root.',
  impact: 'Containers that need host-root file ownership (privileged or host-namespace workloads) fail under remapping.',
  remediation: 'Recreate the container without `--userns=host` (Compose: remove `userns_mode: host`), and enable userns-remap on the daemon (item 2.10).',
  references: ['CIS Docker Benchmark v1.8.0, 5.31', 'https://docs.docker.com/engine/security/userns-remap/'],
});
