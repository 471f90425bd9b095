// 5.13: a read-only root filesystem stops an intruder from planting binaries or changing the
// image's configuration; writable state goes to volumes and tmpfs instead.
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

export const readOnlyRoot: WorkloadItem = {
  id: '5.13',
  fixes: ['fail'],
  judge: (w) =>
    w.readOnlyRootfs
      ? verdict('pass', `${w.who} has a read-only root filesystem.`, 'HostConfig.ReadonlyRootfs: true')
      : verdict('fail', `${w.who} has a writable root filesystem.`, 'HostConfig.ReadonlyRootfs: false'),
  fix: (w) => ({
    compose: [
      { key: 'read_only', value: true },
      { key: 'tmpfs', value: ['/tmp', '/run'] },
    ],
    recreate: ['--read-only', '--tmpfs', '/tmp', '--tmpfs', '/run'],
    impact: `${w.who} breaks if its image writes outside volumes, /tmp and /run.`,
  }),
};

export const readOnlyRootfs = workloadRule(readOnlyRoot, {
  title: "Ensure that the container's root filesystem is mounted as read only",
  severity: 'medium',
  rationale:
    'With a writable root filesystem an attacker can drop tools, alter binaries and configuration, and persist until the container is recreated; read-only makes every write path explicit.',
  impact: 'Images that write outside their volumes and tmpfs (caches, pid files, package managers) fail with "Read-only file system".',
  remediation:
    'Run with `--read-only --tmpfs /tmp --tmpfs /run` and volumes for real data (Compose: `read_only: true` plus `tmpfs: ["/tmp", "/run"]`). The engine cannot change this on a live container: it must be recreated.',
  references: ['CIS Docker Benchmark v1.8.0, 5.13', 'https://docs.docker.com/reference/cli/docker/container/run/#read-only'],
});
