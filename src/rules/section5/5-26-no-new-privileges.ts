// 5.26: no_new_privs stops setuid binaries and file capabilities from raising privileges. The
// container's own option wins (=false switches off a daemon-wide default); without one, the
// daemon's effective no-new-privileges setting decides.
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import type { CheckResult, Rule } from '../rule.js';
import { remediateFailures } from './remediation.js';
import { parseBool, perContainer, securityOpts, verdict } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  const daemon = effectiveConfig(facts).get('no-new-privileges');
  const daemonOn = daemon !== undefined && parseBool(daemon.value) === true;
  return perContainer(facts, (c) => {
    const own = securityOpts(c).filter((o) => o.key === 'no-new-privileges').pop();
    if (own) {
      const on = own.value === null ? true : parseBool(own.value);
      if (on === true) return verdict('pass', `Container ${c.name} sets no-new-privileges.`, `HostConfig.SecurityOpt: ${own.raw}`);
      if (on === false) {
        const why = daemonOn ? `, overriding the daemon default (${daemon!.evidence})` : '';
        return verdict('fail', `Container ${c.name} switches no-new-privileges off${why}.`, `HostConfig.SecurityOpt: ${own.raw}`);
      }
    }
    if (daemonOn) return verdict('pass', `Container ${c.name} inherits the daemon's no-new-privileges default.`, daemon!.evidence);
    const daemonText = daemon ? daemon.evidence : 'daemon: no-new-privileges not set';
    return verdict('fail', `Container ${c.name} may gain new privileges through setuid binaries.`, 'HostConfig.SecurityOpt: no no-new-privileges option', daemonText);
  });
}

export const noNewPrivileges: Rule = {
  id: '5.26',
  aliases: { '1.7.0': '5.26', '1.6.0': '5.26' },
  title: 'Ensure that the container is restricted from acquiring additional privileges',
  section: 5,
  level: 1,
  automated: false,
  checks: 'facts',
  severity: 'medium',
  rationale:
    'Without no_new_privs, a process in the container can run a setuid-root binary (su, passwd, a planted one) or a file with capabilities and gain privileges it was not started with.',
  impact: 'setuid tools inside the container (sudo, su, ping on some images) stop raising privileges; SELinux domain transitions can be denied.',
  remediation:
    'Run with `--security-opt no-new-privileges` (Compose: `security_opt: ["no-new-privileges:true"]`), or set `"no-new-privileges": true` daemon-wide (item 2.15) and never pass no-new-privileges=false.',
  references: ['CIS Docker Benchmark v1.8.0, 5.26', 'https://docs.docker.com/reference/cli/docker/container/run/#security-opt', 'https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html'],
  check,
  remediate: (facts) =>
    remediateFailures(facts, check, (c) => ({
      compose: [{ key: 'security_opt', value: ['no-new-privileges:true'] }],
      recreate: ['--security-opt', 'no-new-privileges'],
      impact: `setuid programs inside container ${c.name} (sudo, su) can no longer raise privileges.`,
    })),
};
