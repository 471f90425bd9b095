// 5.26: no_new_privs stops setuid binaries and file capabilities from raising privileges. The
// workload's own option wins (=false switches off a daemon-wide default); without one, the
// daemon's effective no-new-privileges setting decides.
import type { HostFacts } from '../../facts/host-facts.js';
import { effectiveConfig } from '../../facts/effective-config.js';
import { parseSecurityOpt } from '../workload/workload-spec.js';
import { parseBool, verdict } from './support.js';
import type { WorkloadItem } from './workload-item.js';
import { workloadRule } from './workload-rule.js';

/** The daemon's effective setting, read once per facts rather than once per container. */
const daemonSettings = new WeakMap<HostFacts, { on: boolean; evidence: string | null }>();
function daemonDefault(facts: HostFacts): { on: boolean; evidence: string | null } {
  let found = daemonSettings.get(facts);
  if (!found) {
    const daemon = effectiveConfig(facts).get('no-new-privileges');
    found = { on: daemon !== undefined && parseBool(daemon.value) === true, evidence: daemon ? daemon.evidence : null };
    daemonSettings.set(facts, found);
  }
  return found;
}

export const noNewPrivs: WorkloadItem = {
  id: '5.26',
  fixes: ['fail'],
  judge: (w, facts) => {
    const daemon = daemonDefault(facts);
    const own = w.securityOpt
      .map(parseSecurityOpt)
      .filter((o) => o.key === 'no-new-privileges')
      .pop();
    if (own) {
      // A bare option (or an empty value in YAML) switches it on, as dockerd reads it.
      const on = own.value === null || own.value === '' ? true : parseBool(own.value);
      if (on === true) return verdict('pass', `${w.who} sets no-new-privileges.`, `HostConfig.SecurityOpt: ${own.raw}`);
      if (on === false) {
        const why = daemon.on ? `, overriding the daemon default (${daemon.evidence})` : '';
        return verdict('fail', `${w.who} switches no-new-privileges off${why}.`, `HostConfig.SecurityOpt: ${own.raw}`);
      }
    }
    if (daemon.on) return verdict('pass', `${w.who} inherits the daemon's no-new-privileges default.`, daemon.evidence!);
    return verdict(
      'fail',
      `${w.who} may gain new privileges through setuid binaries.`,
      'HostConfig.SecurityOpt: no no-new-privileges option',
      daemon.evidence ?? 'daemon: no-new-privileges not set',
    );
  },
  fix: (w) => ({
    compose: [{ key: 'security_opt', value: ['no-new-privileges:true'] }],
    recreate: ['--security-opt', 'no-new-privileges'],
    // "inside container web" and "inside app/web": both wordings are pinned by the plan goldens.
    impact: `setuid programs inside ${w.kind === 'container' ? 'container ' : ''}${w.name} (sudo, su) can no longer raise privileges.`,
  }),
};

export const noNewPrivileges = workloadRule(noNewPrivs, {
  title: 'Ensure that the container is restricted from acquiring additional privileges',
  severity: 'medium',
  rationale:
    'Without no_new_privs, a process in the container can run a setuid-root binary (su, passwd, a planted one) or a file with capabilities and gain privileges it was not started with.',
  impact: 'setuid tools inside the container (sudo, su, ping on some images) stop raising privileges; SELinux domain transitions can be denied.',
  remediation:
    'Run with `--security-opt no-new-privileges` (Compose: `security_opt: ["no-new-privileges:true"]`), or set `"no-new-privileges": true` daemon-wide (item 2.15) and never pass no-new-privileges=false.',
  references: [
    'CIS Docker Benchmark v1.8.0, 5.26',
    'https://docs.docker.com/reference/cli/docker/container/run/#security-opt',
    'https://www.kernel.org/doc/html/latest/userspace-api/no_new_privs.html',
  ],
});
