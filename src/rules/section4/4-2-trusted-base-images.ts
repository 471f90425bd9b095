// 4.2: where an image came from and whether its publisher is trusted is provenance the engine
// does not record; the check lists what to review.
import { manualResult } from '../section5/support.js';
import { manualItem } from '../item-rule.js';

export const trustedBaseImages = manualItem({
  id: '4.2',
  title: 'Ensure that containers use only trusted base images',
  severity: 'medium',
  rationale: 'An image from an unknown publisher can carry malware or backdoors that no runtime setting contains.',
  impact: 'Replacing untrusted bases means rebuilding and retesting the images built on them.',
  remediation:
    "Build only from official or verified-publisher images, or from your own registry's vetted bases; pin them by digest, verify signatures, and scan them before use.",
  references: ['CIS Docker Benchmark v1.8.0, 4.2', 'https://docs.docker.com/trusted-content/official-images/'],
  check: () =>
    manualResult(
      'Image provenance is not in the facts; review where each image and its base come from.',
      "docker image ls --digests --format '{{.Repository}}:{{.Tag}} {{.Digest}}'",
      'docker image history --no-trunc <image>',
    ),
});
