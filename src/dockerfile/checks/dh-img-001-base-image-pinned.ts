// DH-IMG-001: every base image pinned by tag and digest. A tag can be moved to other content;
// a digest cannot. scratch and earlier build stages need no pin.
import type { CheckOutcome } from '../types.js';
import { ownCheck } from './define-check.js';

export const baseImagePinned = ownCheck({
  id: 'DH-IMG-001',
  title: 'Base images are pinned by tag and digest',
  severity: 'medium',
  rationale:
    'Tags are mutable: "latest" (or no tag) and even "1.2" can point at different, possibly tampered, content between two builds. A digest names exactly one image.',
  remediation: 'Write FROM name:tag@sha256:<digest>, and update the digest deliberately (with the tag) when the base image is patched.',
  check(doc) {
    const out: CheckOutcome[] = [];
    for (const stage of doc.stages) {
      if (stage.parent) continue;
      const written = stage.from.args.split(/\s+/)[0];
      const image = stage.image;
      if (!image) {
        const names = [...new Set([...written.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))];
        out.push({
          line: stage.from.line,
          message: `FROM ${written} depends on the build argument ${names.join(', ')}, which has no default, so the base image is whatever the build passes`,
          advice: `give ARG ${names.join(', ')} a default so that FROM ${written} names a tag and a digest (name:tag@sha256:<digest>)`,
        });
        continue;
      }
      if (image.scratch || image.digest) continue;
      const via = image.args.length > 0 ? ` (from ARG ${image.args.join(', ')})` : '';
      const name = image.reference.replace(/:[^:/]*$/, '');
      const pinned = `${name}:${image.tag && image.tag !== 'latest' ? image.tag : '<version>'}@sha256:<digest>`;
      const where = image.args.length > 0 ? `ARG ${image.args[0]}=${pinned}` : `FROM ${pinned}`;
      const advice = `pin it: ${where} (the digest is in: docker inspect --format '{{index .RepoDigests 0}}' ${image.reference})`;
      if (!image.tag || image.tag === 'latest') {
        out.push({
          line: stage.from.line,
          severity: 'high',
          message: `base image "${image.reference}"${via} is not pinned: ${image.tag ? '"latest"' : 'no tag means "latest"'}, which changes under you`,
          advice,
        });
      } else {
        out.push({ line: stage.from.line, message: `base image "${image.reference}"${via} is pinned by tag only; tags can be moved, digests cannot`, advice });
      }
    }
    return out;
  },
});
