// 5.24: like 5.23, the user of an exec session is not in inspect data.
import { EXEC_EVENTS_COMMAND } from './support.js';
import { manualRule } from './workload-rule.js';

export const noRootExec = manualRule(
  {
    id: '5.24',
    title: 'Ensure that docker exec commands are not used with the user=root option',
    level: 2,
    severity: 'medium',
    rationale: 'An exec session as root inside a container built to run as an unprivileged user undoes that design and can change files the service relies on.',
    impact: 'Maintenance that needs root inside the container must be done by rebuilding the image or in a separate debug container.',
    remediation:
      'Do not use `docker exec --user=root` (or -u 0). Restrict API access (items 1.1.2, 2.13) and audit exec use with `docker events --filter event=exec_create` or the docker audit key.',
    references: ['CIS Docker Benchmark v1.8.0, 5.24', 'https://docs.docker.com/reference/cli/docker/container/exec/'],
  },
  "Exec sessions are not part of the inspected facts; review the daemon's audit log or events for exec with --user=root.",
  EXEC_EVENTS_COMMAND,
  'ausearch -k docker | grep -E -- "exec.*(--user[= ]|-u ?)(root|0)"',
);
