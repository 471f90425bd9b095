// 4.10: secrets baked into an image are readable by anyone who can pull it (`docker history`,
// `docker inspect`). Looks at Config.Env, labels, and the ENV/ARG/build-arg values and private
// key blocks recorded in history. Evidence names the variable, never its value.
import { verdict, type Verdict } from '../section5/support.js';
import { instruction, imageItem, type ImageView } from './support.js';

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|_KEY$|_PASS$|^KEY$/;
/** Names that match the pattern but by convention hold no secret: file pointers, public keys. */
const NOT_SECRET = /_(FILE|PATH|DIR|URL|URI)$|GPG|PUBLIC|PUB_?KEY|KEYRING|KEYSERVER|FINGERPRINT/;
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

export function isSecretName(name: string): boolean {
  const n = name.toUpperCase().replace(/[.-]/g, '_');
  return SECRET_NAME.test(n) && !NOT_SECRET.test(n);
}

const HIDDEN = '<value hidden>';

/** NAME=value pairs in text ("A=1 B="x y""), as [name, value]. */
function assignments(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of text.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_.-]*)=("[^"]*"|'[^']*'|\S*)/g)) out.push([m[1], m[2].replace(/^["']|["']$/g, '')]);
  return out;
}

/** Evidence lines for every secret-looking value in an image; empty when there is none. */
export function secretFindings(config: { Env?: unknown; Labels?: unknown }, history: { CreatedBy?: unknown }[] | null): string[] {
  const found: string[] = [];
  for (const entry of (config.Env ?? []) as string[]) {
    const eq = String(entry).indexOf('=');
    const [name, value] = eq < 0 ? [String(entry), ''] : [String(entry).slice(0, eq), String(entry).slice(eq + 1)];
    if ((value !== '' && isSecretName(name)) || PRIVATE_KEY_BLOCK.test(value)) found.push(`Config.Env: ${name}=${HIDDEN}`);
  }
  for (const [name, value] of Object.entries((config.Labels ?? {}) as Record<string, string>)) {
    if ((value !== '' && isSecretName(name)) || PRIVATE_KEY_BLOCK.test(String(value))) found.push(`Config.Labels: ${name}=${HIDDEN}`);
  }
  for (const h of history ?? []) {
    const ins = instruction(h.CreatedBy);
    if (PRIVATE_KEY_BLOCK.test(String(h.CreatedBy ?? ''))) found.push(`history: ${ins.kind || 'entry'} contains a private key block (${HIDDEN})`);
    const text = ins.kind === 'ENV' || ins.kind === 'ARG' || ins.kind === 'LABEL' ? ins.text : ins.args;
    let pairs = assignments(text);
    // The legacy "ENV NAME value" form has no "=".
    if (ins.kind === 'ENV' && pairs.length === 0) {
      const m = /^(\S+)\s+(\S[\s\S]*)$/.exec(ins.text);
      if (m) pairs = [[m[1], m[2]]];
    }
    for (const [name, value] of pairs) {
      if (value !== '' && isSecretName(name)) found.push(`history: ${ins.kind === 'RUN' ? 'RUN build-arg' : ins.kind} ${name}=${HIDDEN}`);
    }
  }
  return [...new Set(found)];
}

function judge(img: ImageView): Verdict {
  const found = secretFindings(img.config, img.history);
  if (found.length > 0) return verdict('fail', `Image ${img.ref} carries values that look like secrets.`, ...found);
  const scope = img.history ? 'Config.Env, Config.Labels and history' : 'Config.Env and Config.Labels (history not collected)';
  return verdict('pass', `Image ${img.ref} shows no secret-looking values.`, `${scope}: no secret-named variable with a value, no private key block`);
}

export const noSecretsInImages = imageItem({
  id: '4.10',
  title: 'Ensure secrets are not stored in Dockerfiles',
  severity: 'high',
  rationale:
    'ENV values, labels and build arguments are stored in the image config and history in clear text; anyone who can pull or inspect the image reads them, long after the secret was meant to be temporary.',
  impact: 'Applications must read secrets at run time (mounted files, an orchestrator secret store) instead of baked-in variables.',
  remediation:
    'Remove secrets from ENV, ARG and LABEL instructions and rebuild; pass build-time secrets with `docker build --secret id=...` (`RUN --mount=type=secret`) and run-time ones as mounted files (Compose/Swarm `secrets:`). Rotate any secret that was already published in an image.',
  references: ['CIS Docker Benchmark v1.8.0, 4.10', 'https://docs.docker.com/build/building/secrets/'],
  judge,
});
