// 5.23: `docker exec --privileged` leaves no trace in container inspect data; only the daemon's
// audit trail or events can show it.
import { EXEC_EVENTS_COMMAND } from './support.js';
import { manualRule } from './workload-rule.js';

export const noPrivilegedExec = manualRule(
  {
    id: '5.23',
    title: 'Ensure that docker exec commands are not used with the privileged option',
    level: 2,
    severity: 'high',
    rationale: 'An exec session with --privileged gets every capability and no LSM or seccomp confinement inside a container that was started confined.',
    impact: 'Operators who debug with privileged exec sessions need a dedicated, time-limited debug container instead.',
    remediation:
      'Do not use `docker exec --privileged`. Restrict who can reach the Docker API (items 1.1.2, 2.13) and audit exec use with the docker audit key (item 1.1.3) or `docker events --filter event=exec_create`.',
    references: ['CIS Docker Benchmark v1.8.0, 5.23', 'https://docs.docker.com/reference/cli/docker/container/exec/'],
  },
  "Exec sessions are not part of the inspected facts; review the daemon's audit log or events for exec with --privileged.",
  EXEC_EVENTS_COMMAND,
  'ausearch -k docker | grep -- "exec.*--privileged"',
);
