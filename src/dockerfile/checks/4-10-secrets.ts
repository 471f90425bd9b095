// CIS 4.10: no secrets in the Dockerfile or the image: no ENV/ARG that carries a password, token
// or key, and no COPY/ADD of key or env files into the final image. Values are never printed.
import type { PropertyInstruction } from 'dockerfile-ast';
import type { CheckOutcome } from '../types.js';
import type { Instr } from '../model.js';
import { allInstructions, chainInstructions, finalStage } from '../model.js';
import { copyArgs } from '../instr-args.js';
import { cisCheck } from './define-check.js';

const SECRET_NAME = /PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|_KEY$/;
/** Names that point at a secret or hold public data, not a secret value. */
const NOT_SECRET = /(_FILE|_PATH|_DIR|_URL|_URI|_ID)$|PUBLIC|GPG|PGP|FINGERPRINT/;
const SECRET_FILE =
  /(^|\/)(id_(rsa|dsa|ecdsa|ed25519)|[^/]*\.(pem|key|p12|pfx|jks|keystore)|\.env(\.(?!example$|sample$|template$)[^/]+)?|\.npmrc|\.netrc|\.pypirc|\.git-credentials|\.aws\/credentials)$/i;

export const secrets = cisCheck({
  id: '4.10',
  rationale:
    'ENV values and build arguments are recorded in the image configuration and history, and copied key files stay in a layer: anyone who can pull the image can read them.',
  remediation:
    'Pass secrets at run time (docker run --env-file, Docker/Compose secrets) or at build time with RUN --mount=type=secret; keep key and env files out of the build context (.dockerignore).',
  check(doc) {
    const out: CheckOutcome[] = [];
    for (const i of allInstructions(doc).filter((x) => x.keyword === 'ENV' || x.keyword === 'ARG')) out.push(...secretVariables(i));
    for (const i of chainInstructions(finalStage(doc)).filter((x) => x.keyword === 'COPY' || x.keyword === 'ADD')) {
      const files = copyArgs(i).sources.filter((s) => SECRET_FILE.test(s.replace(/\/+$/, '')));
      if (files.length === 0) continue;
      out.push({
        line: i.line,
        message: `${i.keyword} puts ${files.join(', ')} into the final image, where every layer keeps it`,
        advice: `keep ${files.join(', ')} out of the image: use RUN --mount=type=secret,id=<id>,target=<path> where the build needs it, or copy it only into a build stage; list it in .dockerignore`,
      });
    }
    return out.sort((a, b) => a.line - b.line);
  },
});

function secretVariables(i: Instr): CheckOutcome[] {
  const names = (i.node as PropertyInstruction).getProperties().filter((p) => isSecretName(p.getName()));
  return names.map((p) => {
    const name = p.getName();
    if (i.keyword === 'ENV') {
      return {
        line: i.line,
        message: `ENV ${name} stores a secret in the image configuration (docker inspect shows it)`,
        advice: `remove ENV ${name}; pass it at run time (docker run --env-file, secrets) or use RUN --mount=type=secret,id=${name.toLowerCase()} at build time`,
      };
    }
    const withDefault = p.getValue() !== null;
    return {
      line: i.line,
      severity: withDefault ? 'high' : 'medium',
      message: withDefault
        ? `ARG ${name} has a default value written in the Dockerfile`
        : `ARG ${name} takes a secret as a build argument, which docker history records`,
      advice: `use RUN --mount=type=secret,id=${name.toLowerCase()} (docker build --secret id=${name.toLowerCase()},env=${name}) instead of ARG ${name}`,
    };
  });
}

export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  return SECRET_NAME.test(upper) && !NOT_SECRET.test(upper);
}
