// Image hygiene no Dockerfile line can show: said once per run, after the findings.
import type { PlanNote } from '../plan-model/plan.js';

export const GENERAL_ADVICE: readonly PlanNote[] = [
  {
    ruleId: '4.2',
    text: 'Build only on base images from trusted sources (Docker Official Images, verified publishers or your own registry), pulled with DOCKER_CONTENT_TRUST=1 where they are signed.',
  },
  {
    ruleId: '4.4',
    text: 'Scan every built image for known vulnerabilities (trivy image, docker scout cves, snyk container test) and rebuild regularly with docker build --pull --no-cache to pick up patched base layers.',
  },
  { text: 'Lint Dockerfiles in the editor and in CI too (hadolint), so these findings are caught before review.' },
];
