// DH-IMG-006: the image says where it comes from: source, version and maintainer labels, so a
// finding in a running container can be traced to its code and its owner.
import type { CheckOutcome } from '../types.js';
import type { PropertyInstruction } from 'dockerfile-ast';
import { chainInstructions, finalStage } from '../model.js';
import { ownCheck } from './define-check.js';

const WANTED = [
  { key: 'org.opencontainers.image.source', also: ['org.label-schema.vcs-url'], example: 'https://github.com/<org>/<repo>' },
  { key: 'org.opencontainers.image.version', also: ['org.label-schema.version', 'version'], example: '<version>' },
  {
    key: 'org.opencontainers.image.authors',
    also: ['maintainer', 'org.label-schema.vendor', 'org.opencontainers.image.vendor'],
    example: '<team@example.com>',
  },
];

export const labels = ownCheck({
  id: 'DH-IMG-006',
  title: 'The image carries source, version and maintainer labels',
  severity: 'low',
  rationale: 'Labels tie a running image to its source, version and owner, which is what an incident or a vulnerability report needs first.',
  remediation:
    'LABEL org.opencontainers.image.source="..." org.opencontainers.image.version="..." org.opencontainers.image.authors="..." (MAINTAINER is deprecated).',
  check(doc) {
    const stage = finalStage(doc);
    const chain = chainInstructions(stage);
    const keys = new Set(
      chain.filter((i) => i.keyword === 'LABEL').flatMap((i) => (i.node as PropertyInstruction).getProperties().map((p) => p.getName().toLowerCase())),
    );
    const maintainer = chain.find((i) => i.keyword === 'MAINTAINER');
    const missing = WANTED.filter((w) => !keys.has(w.key) && !w.also.some((k) => keys.has(k)) && !(maintainer && w.key.endsWith('authors')));
    const out: CheckOutcome[] = [];
    if (maintainer) {
      out.push({
        line: maintainer.line,
        message: 'MAINTAINER is deprecated and not a label',
        advice: `replace it with LABEL org.opencontainers.image.authors="${maintainer.args.trim().replace(/"/g, '\\"')}"`,
      });
    }
    if (missing.length > 0) {
      out.push({
        line: stage.from.line,
        message: `the final image has no ${missing.map((m) => m.key).join(', ')} label`,
        advice: `add LABEL ${missing.map((m) => `${m.key}="${m.example}"`).join(' ')} (a securitytxt="https://<site>/.well-known/security.txt" label helps reporters too)`,
      });
    }
    return out;
  },
});
