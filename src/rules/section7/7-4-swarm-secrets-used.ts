// 7.4: whether services pass secrets through `docker secret` or through environment variables
// is in the service specs, which the facts do not hold.
import { swarmManualItem } from './support.js';

export const swarmSecretsUsed = swarmManualItem({
  id: '7.4',
  title: "Ensure that Docker's secret management commands are used for managing secrets in a swarm cluster",
  severity: 'high',
  rationale:
    'Swarm secrets are encrypted in the Raft log and delivered only to the tasks that need them, in memory; environment variables are visible in every inspect and often in logs.',
  impact: 'Applications must read credentials from /run/secrets/<name> files instead of variables.',
  remediation:
    'Create secrets with `docker secret create <name> -` and attach them with `docker service create/update --secret <name>` (stack files: `secrets:`); remove credentials from service environments.',
  references: ['CIS Docker Benchmark v1.8.0, 7.4', 'https://docs.docker.com/engine/swarm/secrets/'],
  message: 'Service definitions are not in the facts; confirm services take credentials from swarm secrets, not environment variables.',
  commands: [
    'docker secret ls',
    "docker service ls -q | xargs -r docker service inspect --format '{{.Spec.Name}}: secrets={{len .Spec.TaskTemplate.ContainerSpec.Secrets}} env={{.Spec.TaskTemplate.ContainerSpec.Env}}'",
  ],
});
