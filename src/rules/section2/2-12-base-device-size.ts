// CIS 2.12: no dm.basesize storage option. Removing it is not mechanical: devicemapper cannot shrink
// a base size once grown, and on overlay2 the option already stops dockerd.
import { manual } from './remedy.js';
import { daemonSettingRule } from './setting-rule.js';

function basesize(value: unknown): string[] {
  return (Array.isArray(value) ? value.map(String) : []).filter((o) => o.replace(/\s/g, '').startsWith('dm.basesize'));
}

export const baseDeviceSizeRule = daemonSettingRule(
  {
    id: '2.12',
    aliases: { '1.7.0': '2.11', '1.6.0': '2.11' },
    title: 'Ensure base device size is not changed until needed',
    level: 2,
    automated: false,
    severity: 'low',
    rationale:
      'A larger base device size lets every container grow its filesystem further, so one container can fill the thin pool and deny storage to the rest of the host.',
    impact: 'Containers that really need more than the default 10 GB root filesystem must get storage through volumes instead.',
    remediation: 'Do not set dm.basesize; on a devicemapper host plan the migration to overlay2 (CIS 2.7), which drops the option together with the driver.',
    references: ['https://docs.docker.com/reference/cli/dockerd/#daemon-storage-driver', 'CIS Docker Benchmark v1.8.0, 2.12'],
  },
  {
    key: 'storage-opts',
    subject: 'the storage options',
    ok: (v) => basesize(v).length === 0,
    pass: (r) => `No dm.basesize storage option is set (${r.where})`,
    fail: (r) =>
      `The storage option ${basesize(r.value).join(', ')} is set (${r.where}); it raises every container's base device size, and drivers other than devicemapper refuse to start with it`,
    remedy: () => [
      manual(
        'Remove dm.basesize from "storage-opts" (or the --storage-opt flag) only together with a move off devicemapper (CIS 2.7): devicemapper refuses to start with a smaller base size once it was raised, and other drivers reject the option.',
      ),
    ],
  },
);
