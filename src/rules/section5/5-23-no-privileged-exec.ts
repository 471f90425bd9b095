// 5.23: `docker exec --privileged` leaves no trace in container inspect data; only the daemon's
// audit trail or events can show it.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';

function check(_facts: HostFacts): CheckResult[] {
  return [
    {
      status: 'manual',
      message: "Exec sessions are not part of the inspected facts; review the daemon's audit log or events for exec with --privileged.",
      evidence: [
        {
          kind: 'command',
          detail: "docker events --since 24h --filter event=exec_create --format '{{.Time}} {{.Actor.Attributes.name}} {{.Actor.Attributes.execID}}'",
        },
        { kind: 'command', detail: 'ausearch -k docker | grep -- "exec.*--privileged"' },
      ],
    },
  ];
}

export const noPrivilegedExec: Rule = {
  id: '5.23',
  aliases: { '1.7.0': '5.23', '1.6.0': '5.23' },
  title: 'Ensure that docker exec commands are not used with the privileged option',
  section: 5,
  level: 2,
  automated: false,
  checks: 'manual',
  severity: 'high',
  rationale: 'An exec session with --privileged gets every capability and no LSM or seccomp confinement inside a container that was started confined.',
  impact: 'Operators who debug with privileged exec sessions need a dedicated, time-limited debug container instead.',
  remediation:
    'Do not use `docker exec --privileged`. Restrict who can reach the Docker API (items 1.1.2, 2.13) and audit exec use with the docker audit key (item 1.1.3) or `docker events --filter event=exec_create`.',
  references: ['CIS Docker Benchmark v1.8.0, 5.23', 'https://docs.docker.com/reference/cli/docker/container/exec/'],
  check,
};
