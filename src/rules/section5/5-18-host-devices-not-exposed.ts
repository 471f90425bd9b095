// 5.18: a host device node inside a container bypasses the filesystem isolation entirely (raw
// disks, GPUs, serial lines). Read-only cgroup permission ("r") limits the damage, so it warns.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { remediateFailures } from './remediation.js';
import { perContainer, verdict } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const devices = (c.hostConfig.Devices ?? []) as { PathOnHost?: string; PathInContainer?: string; CgroupPermissions?: string }[];
    if (devices.length === 0) return verdict('pass', `Container ${c.name} has no host devices.`, 'HostConfig.Devices: []');
    const details = devices.map((d) => `HostConfig.Devices: ${d.PathOnHost} -> ${d.PathInContainer} (${d.CgroupPermissions ?? 'rwm'})`);
    const writable = devices.filter((d) => (d.CgroupPermissions ?? 'rwm') !== 'r');
    return writable.length > 0
      ? verdict('fail', `Container ${c.name} has host devices with write or mknod access: ${writable.map((d) => d.PathOnHost).join(', ')}.`, ...details)
      : verdict('warn', `Container ${c.name} has read-only access to host devices; confirm it needs them.`, ...details);
  });
}

export const hostDevicesNotExposed: Rule = {
  id: '5.18',
  aliases: { '1.7.0': '5.18', '1.6.0': '5.18' },
  title: 'Ensure that host devices are not directly exposed to containers',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'high',
  rationale:
    'A device passed with --device (default permissions rwm) lets the container read or write the hardware directly, e.g. a raw disk holding the host filesystem, without any file permission check.',
  impact: 'Applications that need the device (GPU workloads, serial or USB gateways) stop working without it.',
  remediation:
    'Remove --device options that are not needed; where one is, grant the least cgroup permission (`--device /dev/ttyUSB0:/dev/ttyUSB0:r`). Any device with w or m permission fails; read-only ones warn.',
  references: ['CIS Docker Benchmark v1.8.0, 5.18', 'https://docs.docker.com/reference/cli/docker/container/run/#device'],
  check,
  remediate: (facts) =>
    remediateFailures(facts, check, (c) => ({
      manual: `Container ${c.name}: remove the --device options it does not need and give the rest read-only permission (:r).`,
    })),
};
