// 5.20: shared propagation makes mounts made inside the container appear on the host (and the
// other way round), so a container can change the host's mount table.
import { describeMount } from './host-bindings.js';
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

const SHARED = new Set(['shared', 'rshared']);

export const mountPropagation: WorkloadItem = {
  id: '5.20',
  fixes: ['fail'],
  judge: (w) => {
    const shared = w.binds.filter((m) => SHARED.has(m.propagation));
    if (shared.length > 0)
      return verdict('fail', `${w.who} has mounts with shared propagation: ${shared.map((m) => m.destination).join(', ')}.`, ...shared.map(describeMount));
    const all = w.binds.length > 0 ? w.binds.map(describeMount) : ['Mounts: no bind mounts'];
    return verdict('pass', `${w.who} has no mount with shared propagation.`, ...all);
  },
  fix: (w) => {
    const shared = w.binds.filter((m) => SHARED.has(m.propagation)).map((m) => `${m.source}:${m.destination}`);
    return { manual: `${w.who}: recreate it with private propagation on ${shared.join(', ')} (drop :shared / :rshared).` };
  },
};

export const mountPropagationNotShared = workloadRule(mountPropagation, {
  title: 'Ensure mount propagation mode is not set to shared',
  severity: 'medium',
  rationale:
    "With shared or rshared propagation, a mount created inside the container propagates to the host's mount namespace, letting the container hide or replace host paths.",
  impact: 'Storage or CSI-style helpers that must publish mounts to the host stop doing so.',
  remediation:
    'Use the default (rprivate) or slave propagation: drop `:shared`/`:rshared` from -v, and `bind.propagation: shared|rshared` from Compose volumes.',
  references: ['CIS Docker Benchmark v1.8.0, 5.20', 'https://docs.docker.com/engine/storage/bind-mounts/#configure-bind-propagation'],
});
