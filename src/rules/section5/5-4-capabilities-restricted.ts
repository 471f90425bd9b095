// 5.4: the decision rule, also stated in the remediation text:
//   fail - privileged, or CapAdd holds ALL or SYS_ADMIN (both root-equivalent, whatever is dropped);
//   pass - CapDrop holds ALL (anything re-added is listed for review);
//   fail - capabilities beyond Docker's default set are added without dropping ALL;
//   warn - Docker's default set is kept as it is (the tool cannot tell which of them are needed).
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { byImagePrefix, remediateFailures } from './remediation.js';
import { listText, perContainer, verdict, type ContainerView } from './support.js';

const DEFAULT_CAPS = new Set([
  'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID',
  'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE',
]);
const ROOT_EQUIVALENT = new Set(['ALL', 'SYS_ADMIN']);

const capName = (cap: unknown) => String(cap).toUpperCase().replace(/^CAP_/, '');
const caps = (list: unknown) => ((list ?? []) as unknown[]).map(capName);

function check(facts: HostFacts): CheckResult[] {
  return perContainer(facts, (c) => {
    const added = caps(c.hostConfig.CapAdd);
    const dropped = caps(c.hostConfig.CapDrop);
    const detail = `HostConfig.CapAdd: ${JSON.stringify(c.hostConfig.CapAdd ?? null)}, CapDrop: ${JSON.stringify(c.hostConfig.CapDrop ?? null)}`;
    if (c.hostConfig.Privileged === true) {
      return verdict('fail', `Container ${c.name} is privileged, which grants every capability.`, 'HostConfig.Privileged: true');
    }
    const rootEq = added.filter((a) => ROOT_EQUIVALENT.has(a));
    if (rootEq.length > 0) return verdict('fail', `Container ${c.name} adds ${listText(rootEq)}, which is equivalent to root on the host.`, detail);
    if (dropped.includes('ALL')) {
      const kept = added.length > 0 ? ` and adds back only ${listText(added)}` : '';
      return verdict('pass', `Container ${c.name} drops all capabilities${kept}.`, detail);
    }
    const extra = added.filter((a) => !DEFAULT_CAPS.has(a));
    if (extra.length > 0) return verdict('fail', `Container ${c.name} adds ${listText(extra)} beyond Docker's default capabilities.`, detail);
    return verdict('warn', `Container ${c.name} keeps Docker's default capability set; drop ALL and add back only what it needs.`, detail);
  });
}

/** Capabilities the fixed container keeps: its own additions minus the root-equivalent ones, plus the profile's list for its image. */
function keptCaps(c: ContainerView, capAddByImage: Record<string, string[]>): { keep: string[]; removed: string[] } {
  const own = caps(c.hostConfig.CapAdd);
  const removed = own.filter((a) => ROOT_EQUIVALENT.has(a));
  const fromProfile = (byImagePrefix(capAddByImage, c.image) ?? []).map(capName);
  const keep = [...new Set([...own.filter((a) => !ROOT_EQUIVALENT.has(a)), ...fromProfile])];
  return { keep, removed };
}

export const capabilitiesRestricted: Rule = {
  id: '5.4',
  aliases: { '1.7.0': '5.4', '1.6.0': '5.4' },
  title: 'Ensure that Linux kernel capabilities are restricted within containers',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'high',
  rationale:
    'Capabilities split root\'s power; SYS_ADMIN or ALL give a container most of root on the host (mounts, namespaces, kernel interfaces), and every unneeded default capability is one more step for an attacker.',
  impact: 'cap_drop ALL breaks images that chown files, switch users, or bind ports below 1024 as root until those capabilities are added back.',
  remediation:
    'Run with `--cap-drop ALL` and add back only what the process needs (`--cap-add NET_BIND_SERVICE`, ...); never add ALL or SYS_ADMIN. This check fails on --privileged, on ALL or SYS_ADMIN in CapAdd, and on capabilities added beyond Docker\'s default set without dropping ALL; it passes when CapDrop holds ALL and warns when the default set is kept unchanged. The generated fix keeps the container\'s existing additions except ALL and SYS_ADMIN, plus the profile\'s capAddByImage entry for its image.',
  references: ['CIS Docker Benchmark v1.8.0, 5.4', 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
  check,
  // Keeping Docker's default set only warns, but a profile that selects 5.4 wants it restricted too.
  remediatesWarnings: true,
  remediate: (facts, params) =>
    remediateFailures(facts, check, (c) => {
      const { keep, removed } = keptCaps(c, params.capAddByImage);
      const privileged = c.hostConfig.Privileged === true;
      const dropped = removed.length > 0 ? ` It loses ${listText(removed)}.` : '';
      const impact = `Container ${c.name} keeps only ${keep.length > 0 ? listText(keep) : 'no capabilities'}; chown, setuid or binding ports below 1024 as root fail unless listed in capAddByImage.${dropped}`;
      return {
        compose: [
          ...(privileged ? [{ key: 'privileged', value: false }] : []),
          { key: 'cap_drop', value: ['ALL'] },
          ...(keep.length > 0 ? [{ key: 'cap_add', value: keep }] : []),
        ],
        recreate: [...(privileged ? ['--privileged=false'] : []), '--cap-drop', 'ALL', ...keep.flatMap((k) => ['--cap-add', k])],
        impact,
      };
    }, ['fail', 'warn']),
};
