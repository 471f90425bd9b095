// CIS 1.1.1: the data root sits on its own filesystem, so filling it cannot fill the root filesystem.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { dataRoot, fileStat } from './docker-paths.js';

function isAncestorOrSelf(dir: string, path: string): boolean {
  return dir === '/' || path === dir || path.startsWith(`${dir.replace(/\/$/, '')}/`);
}

function check(facts: HostFacts): CheckResult[] {
  const root = dataRoot(facts);
  const origin = { kind: 'file', detail: `data root ${root.path} (from ${root.source})`, path: root.path };
  const mount = facts.dataRootMount;
  if (!mount) {
    const probe = facts.probes.mounts;
    const why = probe ? `${probe.status}${probe.message ? `: ${probe.message}` : ''}` : 'not collected';
    return [
      {
        status: 'warn',
        message: `The filesystem holding ${root.path} is unknown because the mounts probe did not report it.`,
        evidence: [origin, { kind: 'probe', detail: `mounts probe ${why}` }],
      },
    ];
  }
  const mountEvidence = { kind: 'mount', detail: `${mount.mountPoint} (${mount.device}, ${mount.fsType}) holds ${root.path}`, path: mount.mountPoint };
  // A symlinked data root lives where the link points; the mounts probe may report either side.
  const real = fileStat(facts, root.path)?.stat.realPath;
  if (!isAncestorOrSelf(mount.mountPoint, root.path) && !(real && isAncestorOrSelf(mount.mountPoint, real))) {
    return [
      {
        status: 'warn',
        message: `The reported mount point ${mount.mountPoint} does not contain the data root ${root.path}, so the facts disagree.`,
        evidence: [origin, mountEvidence],
      },
    ];
  }
  // dockerd may bind-mount its data root onto itself; what counts is the filesystem behind it.
  if (mount.mountPoint === '/' || mount.filesystemMountPoint === '/') {
    return [{ status: 'fail', message: `${root.path} is on the root filesystem, so containers filling it can fill /.`, evidence: [origin, mountEvidence] }];
  }
  return [{ status: 'pass', message: `${root.path} is on its own filesystem mounted at ${mount.mountPoint}.`, evidence: [origin, mountEvidence] }];
}

export const separatePartitionRule: Rule = {
  id: '1.1.1',
  aliases: { '1.7.0': '1.1.1', '1.6.0': '1.1.1' },
  title: 'Ensure a separate partition for containers has been created',
  section: 1,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale: 'Images, container layers, logs and volumes all grow under the data root; on the root filesystem they can fill it and take the host down.',
  impact: 'Moving an existing data root needs Docker stopped and its data copied; done wrong, images, containers and volumes are lost.',
  remediation:
    'Give the data root its own partition or logical volume: on new hosts mount it before installing Docker; on existing ones stop Docker, create and mount an LV, copy the data root across (rsync -aHAX) and start Docker again.',
  references: ['CIS Docker Benchmark v1.8.0, 1.1.1', 'https://docs.docker.com/engine/daemon/#daemon-data-directory'],
  check,
  remediate(facts) {
    if (!check(facts).some((r) => r.status === 'fail')) return [];
    const root = dataRoot(facts).path;
    return [
      {
        kind: 'manual',
        text: `Put ${root} on its own filesystem: stop docker and containerd, create and mount a dedicated volume, copy ${root} onto it with "rsync -aHAX", add it to /etc/fstab, then start Docker again.`,
        impact: 'Docker and every container are down during the move.',
      },
    ];
  },
};
