// 5.18: a host device node inside a container bypasses the filesystem isolation entirely (raw
// disks, GPUs, serial lines). Read-only cgroup permission ("r") limits the damage, so it warns.
import { verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

export const hostDevices: WorkloadItem = {
  id: '5.18',
  fixes: ['fail'],
  judge: (w) => {
    if (w.devices.length === 0) return verdict('pass', `${w.who} has no host devices.`, 'HostConfig.Devices: []');
    const details = w.devices.map((d) => `HostConfig.Devices: ${d.pathOnHost} -> ${d.pathInContainer} (${d.permissions})`);
    const writable = w.devices.filter((d) => d.permissions !== 'r');
    return writable.length > 0
      ? verdict('fail', `${w.who} has host devices with write or mknod access: ${writable.map((d) => d.pathOnHost).join(', ')}.`, ...details)
      : verdict('warn', `${w.who} has read-only access to host devices; confirm it needs them.`, ...details);
  },
  // Which devices are needed is for a person to say; a service's advice lists its YAML entries.
  fix: (w) => ({
    manual:
      w.kind === 'container'
        ? `${w.who}: remove the --device options it does not need and give the rest read-only permission (:r).`
        : `${w.who}: remove the devices it does not need (${w.devices
            .filter((d) => d.permissions !== 'r')
            .map((d) => d.source)
            .join(', ')}) and give the rest read-only permission (:r).`,
  }),
};

export const hostDevicesNotExposed = workloadRule(hostDevices, {
  title: 'Ensure that host devices are not directly exposed to containers',
  severity: 'high',
  rationale:
    'A device passed with --device (default permissions rwm) lets the container read or write the hardware directly, e.g. a raw disk holding the host filesystem, without any file permission check.',
  impact: 'Applications that need the device (GPU workloads, serial or USB gateways) stop working without it.',
  remediation:
    'Remove --device options that are not needed; where one is, grant the least cgroup permission (`--device /dev/ttyUSB0:/dev/ttyUSB0:r`). Any device with w or m permission fails; read-only ones warn.',
  references: ['CIS Docker Benchmark v1.8.0, 5.18', 'https://docs.docker.com/reference/cli/docker/container/run/#device'],
});
