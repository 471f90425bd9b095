// CIS 2.15: no-new-privileges as the daemon default. The engine does not report it, so the
// configuration decides.
import { daemonSettingRule } from './setting-rule.js';

const IMPACT =
  'setuid and setgid programs inside containers (sudo, su, ping on some images) stop gaining privileges, and SELinux domain transitions may be denied; a container can opt out with --security-opt no-new-privileges=false.';

export const noNewPrivilegesRule = daemonSettingRule(
  {
    id: '2.15',
    aliases: { '1.7.0': '2.14', '1.6.0': '2.14' },
    title: 'Ensure containers are restricted from acquiring new privileges',
    level: 1,
    automated: false,
    severity: 'medium',
    rationale:
      'A process that can gain privileges through setuid or setgid binaries or file capabilities can turn a foothold in a container into root inside it, which widens every escape path.',
    impact: IMPACT,
    remediation:
      'Set "no-new-privileges": true in daemon.json and restart dockerd; containers that really need setuid tools opt out with --security-opt no-new-privileges=false.',
    references: [
      'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
      'https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html',
      'CIS Docker Benchmark v1.8.0, 2.15',
    ],
  },
  {
    key: 'no-new-privileges',
    subject: 'the no-new-privileges default',
    ok: (v) => v === true,
    pass: (r) => `no-new-privileges is true (${r.where}), so processes in new containers cannot gain privileges through setuid binaries`,
    fail: (r) =>
      `no-new-privileges is ${JSON.stringify(r.value)} (${r.where}), so processes in containers can gain privileges through setuid or setgid binaries`,
    fix: () => [{ kind: 'daemon-json-set', key: 'no-new-privileges', value: true, impact: IMPACT }],
  },
);
