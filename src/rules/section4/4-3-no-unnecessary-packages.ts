// 4.3: which packages an image needs is a design judgement; the check says how to list them.
import { manualResult } from '../section5/support.js';
import { manualItem } from '../item-rule.js';

export const noUnnecessaryPackages = manualItem({
  id: '4.3',
  title: 'Ensure that unnecessary packages are not installed in the container',
  severity: 'low',
  rationale: 'Every extra package adds vulnerabilities to patch and tools an intruder can use (shells, compilers, network clients).',
  impact: 'Slimmer images can lack the tools operators use for debugging; use a separate debug image or `docker debug` instead.',
  remediation:
    'Start from minimal bases (distroless, alpine, -slim variants), install with --no-install-recommends, and use multi-stage builds so build tools stay out of the final image.',
  references: ['CIS Docker Benchmark v1.8.0, 4.3', 'https://docs.docker.com/build/building/multi-stage/'],
  check: () =>
    manualResult(
      'Package lists are not in the facts; list what each image installs and remove what the service does not use.',
      'docker run --rm --entrypoint sh <image> -c "dpkg -l 2>/dev/null || apk info 2>/dev/null || rpm -qa"',
    ),
});
