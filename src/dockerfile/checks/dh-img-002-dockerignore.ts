// DH-IMG-002: the build context has a .dockerignore that keeps VCS data, env files and private
// keys out (a `COPY . .` otherwise bakes them into a layer). Missing patterns are appended.
import { allInstructions } from '../model.js';
import { copyArgs } from '../instr-args.js';
import { isExcluded, parseDockerignore } from '../dockerignore.js';
import { ownCheck } from './define-check.js';

/** Each pattern we add, and the paths (top level and nested) it must keep out. */
export const REQUIRED_IGNORES = [
  { pattern: '.git', label: '.git', samples: ['.git'] },
  { pattern: '**/.env', label: '.env', samples: ['.env', 'config/.env'] },
  { pattern: '**/*.pem', label: '*.pem', samples: ['tls.pem', 'config/tls.pem'] },
  { pattern: '**/*.key', label: '*.key', samples: ['server.key', 'config/server.key'] },
  { pattern: '**/id_rsa', label: 'id_rsa', samples: ['id_rsa', '.ssh/id_rsa'] },
];

export const dockerignore = ownCheck({
  id: 'DH-IMG-002',
  title: 'A .dockerignore keeps keys, env files and .git out of the build context',
  severity: 'medium',
  rationale:
    'COPY and ADD take files from the build context; without a .dockerignore a `COPY . .` puts .git history, .env files and private keys into an image layer.',
  remediation: 'Add a .dockerignore beside the Dockerfile that excludes .git, **/.env, **/*.pem, **/*.key and **/id_rsa (plus anything else secret).',
  check(doc) {
    const local = allInstructions(doc).find(
      (i) =>
        (i.keyword === 'COPY' || i.keyword === 'ADD') &&
        !i.flags.some((f) => f.name === 'from') &&
        copyArgs(i).sources.some((s) => !/^[a-z]+:\/\/|^git@|^<</i.test(s)),
    );
    if (!local) return [];
    const rules = parseDockerignore(doc.dockerignore ?? '');
    const missing = REQUIRED_IGNORES.filter((r) => r.samples.some((s) => !isExcluded(rules, s)));
    if (missing.length === 0) return [];
    const message =
      doc.dockerignore === null
        ? `no .dockerignore in the build context, so ${local.keyword} can put .git, .env files and private keys into the image`
        : `.dockerignore does not exclude ${missing.map((m) => m.label).join(', ')} (at every depth)`;
    return [
      {
        line: local.line,
        message,
        fix: {
          dockerignore: missing.map((m) => m.pattern),
          warnings: [
            'The added .dockerignore patterns keep matching files out of every build with this context; a build that needs one (say .git for a version stamp) must re-include it with a !pattern line.',
          ],
        },
      },
    ];
  },
});
