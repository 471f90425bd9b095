// 5.4: the decision rule, also stated in the remediation text:
//   fail - privileged, or CapAdd holds ALL or SYS_ADMIN (both root-equivalent, whatever is dropped);
//   pass - CapDrop holds ALL (anything re-added is listed for review);
//   fail - capabilities beyond Docker's default set are added without dropping ALL;
//   warn - Docker's default set is kept as it is (the tool cannot tell which of them are needed).
import { capNames, type WorkloadSpec } from '../workload/workload-spec.js';
import { byImagePrefix } from './remediation.js';
import { listText, verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

const DEFAULT_CAPS = new Set([
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
]);
const ROOT_EQUIVALENT = new Set(['ALL', 'SYS_ADMIN']);

/** Capabilities the fixed workload keeps: its own additions minus the root-equivalent ones, plus the profile's list for its image. */
function keptCaps(w: WorkloadSpec, capAddByImage: Record<string, string[]>): { keep: string[]; removed: string[] } {
  const own = capNames(w.capAdd);
  const removed = own.filter((a) => ROOT_EQUIVALENT.has(a));
  const fromProfile = capNames(byImagePrefix(capAddByImage, w.image) ?? []);
  const keep = [...new Set([...own.filter((a) => !ROOT_EQUIVALENT.has(a)), ...fromProfile])];
  return { keep, removed };
}

export const capabilities: WorkloadItem = {
  id: '5.4',
  // Keeping Docker's default set only warns, but a profile that selects 5.4 wants it restricted too.
  fixes: ['fail', 'warn'],
  judge: (w) => {
    const added = capNames(w.capAdd);
    const detail = `HostConfig.CapAdd: ${JSON.stringify(w.capAdd)}, CapDrop: ${JSON.stringify(w.capDrop)}`;
    if (w.privileged) return verdict('fail', `${w.who} is privileged, which grants every capability.`, 'HostConfig.Privileged: true');
    const rootEq = added.filter((a) => ROOT_EQUIVALENT.has(a));
    if (rootEq.length > 0) return verdict('fail', `${w.who} adds ${listText(rootEq)}, which is equivalent to root on the host.`, detail);
    if (capNames(w.capDrop).includes('ALL')) {
      const kept = added.length > 0 ? ` and adds back only ${listText(added)}` : '';
      return verdict('pass', `${w.who} drops all capabilities${kept}.`, detail);
    }
    const extra = added.filter((a) => !DEFAULT_CAPS.has(a));
    if (extra.length > 0) return verdict('fail', `${w.who} adds ${listText(extra)} beyond Docker's default capabilities.`, detail);
    return verdict('warn', `${w.who} keeps Docker's default capability set; drop ALL and add back only what it needs.`, detail);
  },
  fix: (w, params) => {
    const { keep, removed } = keptCaps(w, params.capAddByImage);
    const lost = removed.length > 0 ? ` It loses ${listText(removed)}.` : '';
    // The Compose override keeps NET_BIND_SERVICE for a service that listens below 1024 (src/compose/place-lists.ts).
    const kept = w.lowPortReason && !keep.includes('NET_BIND_SERVICE') ? [...keep, 'NET_BIND_SERVICE'] : keep;
    const fails = kept.includes('NET_BIND_SERVICE') ? 'chown or setuid' : 'chown, setuid or binding ports below 1024';
    const keeps = kept.length > 0 ? `only ${listText(kept)}` : 'no capabilities';
    return {
      compose: [
        ...(w.privileged ? [{ key: 'privileged', value: false }] : []),
        { key: 'cap_drop', value: ['ALL'] },
        ...(keep.length > 0 ? [{ key: 'cap_add', value: keep }] : []),
      ],
      recreate: [...(w.privileged ? ['--privileged=false'] : []), '--cap-drop', 'ALL', ...keep.flatMap((k) => ['--cap-add', k])],
      impact: `${w.who} keeps ${keeps}; ${fails} as root fail unless listed in capAddByImage.${lost}`,
    };
  },
};

export const capabilitiesRestricted = workloadRule(capabilities, {
  title: 'Ensure that Linux kernel capabilities are restricted within containers',
  severity: 'high',
  rationale:
    "Capabilities split root's power; SYS_ADMIN or ALL give a container most of root on the host (mounts, namespaces, kernel interfaces), and every unneeded default capability is one more step for an attacker.",
  impact: 'cap_drop ALL breaks images that chown files, switch users, or bind ports below 1024 as root until those capabilities are added back.',
  remediation:
    "Run with `--cap-drop ALL` and add back only what the process needs (`--cap-add NET_BIND_SERVICE`, ...); never add ALL or SYS_ADMIN. This check fails on --privileged, on ALL or SYS_ADMIN in CapAdd, and on capabilities added beyond Docker's default set without dropping ALL; it passes when CapDrop holds ALL and warns when the default set is kept unchanged. The generated fix keeps the container's existing additions except ALL and SYS_ADMIN, plus the profile's capAddByImage entry for its image.",
  references: [
    'CIS Docker Benchmark v1.8.0, 5.4',
    'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities',
    'https://man7.org/linux/man-pages/man7/capabilities.7.html',
  ],
});
