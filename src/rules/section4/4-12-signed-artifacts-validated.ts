// 4.12: signature validation happens in the build and deploy pipeline, outside the host's facts.
import { manualResult } from '../section5/support.js';
import { manualItem } from '../item-rule.js';

export const signedArtifactsValidated = manualItem({
  id: '4.12',
  title: 'Ensure all signed artifacts are validated',
  severity: 'medium',
  rationale: 'A signature protects nothing unless someone checks it before the artifact is used; unvalidated images and packages can be swapped undetected.',
  impact: 'Deployments stop when a signature is missing or invalid, which is the point, but needs a process for exceptions.',
  remediation:
    'Validate signatures of images (content trust, item 4.5, or `cosign verify`) and of every downloaded artifact in the build before use, and fail the pipeline when validation fails.',
  references: ['CIS Docker Benchmark v1.8.0, 4.12', 'https://docs.docker.com/engine/security/trust/'],
  check: () =>
    manualResult(
      'Signature validation happens in the build and deploy pipeline; confirm it is enforced there.',
      'docker trust inspect --pretty <image>   # or: cosign verify <image>',
    ),
});
