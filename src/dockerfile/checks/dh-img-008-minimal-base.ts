// DH-IMG-008: the final image builds on a minimal base (slim, alpine, distroless or scratch)
// rather than a whole distribution: fewer packages, fewer vulnerabilities to patch (CIS 4.3).
import { finalStage, rootImage, stageChain } from '../model.js';
import { isFullDistribution } from '../image-family.js';
import { ownCheck } from './define-check.js';

export const minimalBase = ownCheck({
  id: 'DH-IMG-008',
  title: 'The final image uses a minimal base image',
  severity: 'low',
  rationale:
    'A full distribution base brings hundreds of packages the application never uses, each a possible vulnerability; minimal bases shrink the attack surface and the patch load.',
  remediation: 'Use a -slim, -alpine or distroless variant (or scratch for static binaries) for the final stage; build in a fuller stage if needed.',
  check(doc) {
    const stage = finalStage(doc);
    const image = rootImage(stage);
    if (!image || !isFullDistribution(image)) return [];
    return [
      {
        line: stageChain(stage)[0].from.line,
        message: `the final image builds on ${image.reference}, a whole distribution`,
        advice: `use a minimal variant for the final stage (${image.name}:<version>-slim or -alpine, or a distroless image)`,
      },
    ];
  },
});
