// 4.11: whether packages were verified is decided inside the build, which leaves no trace the
// engine exposes.
import { manualResult } from '../section5/support.js';
import { manualItem } from '../item-rule.js';

export const verifiedPackagesOnly = manualItem({
  id: '4.11',
  title: 'Ensure only verified packages are installed',
  level: 2,
  severity: 'medium',
  rationale: 'Packages installed without signature checks (--allow-unauthenticated, --nogpgcheck, curl | sh) can be replaced in transit or at the source.',
  impact: 'Builds fail when a repository key or checksum is missing, until it is added properly.',
  remediation:
    'Install only from signed repositories with verification on (no `--allow-unauthenticated`, `--nogpgcheck`, `--allow-untrusted`), and verify checksums or signatures of downloaded artifacts (`sha256sum -c`, `gpg --verify`).',
  references: ['CIS Docker Benchmark v1.8.0, 4.11', 'https://docs.docker.com/build/building/best-practices/'],
  check: () =>
    manualResult(
      'Package verification is not recorded in the facts; review the Dockerfiles and image histories for unverified installs.',
      "docker image history --no-trunc --format '{{.CreatedBy}}' <image> | grep -E 'allow-unauthenticated|nogpgcheck|allow-untrusted|curl[^|]*\\|\\s*(ba)?sh'",
    ),
});
