// 4.4: vulnerability data lives in a scanner, not in the engine.
import { manualResult } from '../section5/support.js';
import { manualItem } from '../item-rule.js';

export const imagesScannedAndRebuilt = manualItem({
  id: '4.4',
  title: 'Ensure images are scanned and rebuilt to include security patches',
  severity: 'medium',
  rationale: 'Images freeze their packages at build time; without regular scanning and rebuilding, known vulnerabilities stay in production indefinitely.',
  impact: 'Rebuilding on patched bases changes package versions; run the test suite before redeploying.',
  remediation:
    'Scan images in CI and on a schedule (e.g. `trivy image`, `docker scout cves`), rebuild with `docker build --pull --no-cache` when fixes land, and recreate the containers from the new images.',
  references: ['CIS Docker Benchmark v1.8.0, 4.4', 'https://docs.docker.com/scout/'],
  check: () =>
    manualResult(
      'Vulnerability data is not in the facts; scan the images in use and rebuild those with fixable findings.',
      "docker ps --format '{{.Image}}' | sort -u",
      'trivy image <image>   # or: docker scout cves <image>',
    ),
});
