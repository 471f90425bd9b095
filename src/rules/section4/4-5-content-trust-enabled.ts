// 4.5: DOCKER_CONTENT_TRUST is read by the docker client, not the daemon, so the check looks at
// the environment the tool ran in and the files that set login-shell environments. The client
// enables trust for any non-empty value that is not a false boolean.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Evidence } from '../rule.js';
import { parseBool } from '../section5/support.js';
import { factsItem } from '../item-rule.js';

export const CONTENT_TRUST_FILE = '/etc/profile.d/docker-content-trust.sh';

const enables = (value: string) => value !== '' && parseBool(value) !== false;

/** The last DOCKER_CONTENT_TRUST assignment in a shell or environment file, or null. */
export function assignedValue(content: string): string | null {
  let value: string | null = null;
  for (const line of content.split('\n')) {
    const m = /^\s*(?:export\s+)?DOCKER_CONTENT_TRUST=(?:"([^"]*)"|'([^']*)'|([^\s#;]*))/.exec(line);
    if (m) value = m[1] ?? m[2] ?? m[3] ?? '';
  }
  return value;
}

function check(facts: HostFacts): CheckResult[] {
  const evidence: Evidence[] = [];
  let on = false;
  const env = facts.contentTrust.env;
  evidence.push({ kind: 'env', detail: `DOCKER_CONTENT_TRUST=${env === null ? '(unset)' : JSON.stringify(env)} in the environment docker-harden ran in` });
  if (env !== null && enables(env)) on = true;
  for (const file of facts.contentTrust.files) {
    const value = assignedValue(file.content);
    if (value === null) continue;
    evidence.push({ kind: 'file', detail: `${file.path}: DOCKER_CONTENT_TRUST=${JSON.stringify(value)}`, path: file.path });
    if (enables(value)) on = true;
  }
  return on
    ? [{ status: 'pass', message: 'Docker content trust is enabled for the docker client.', evidence }]
    : [{ status: 'fail', message: 'Docker content trust is not enabled: DOCKER_CONTENT_TRUST is unset or false.', evidence }];
}

export const contentTrustEnabled = factsItem({
  id: '4.5',
  title: 'Ensure Content trust for Docker is Enabled',
  level: 2,
  severity: 'medium',
  rationale:
    'With content trust the docker client pulls, runs and builds only signed image tags, so a tampered registry or man-in-the-middle cannot substitute an image.',
  impact:
    'Pulling or running unsigned tags fails (many public images are unsigned); private registries need a Notary server; use --disable-content-trust for deliberate exceptions.',
  remediation:
    'Export `DOCKER_CONTENT_TRUST=1` for every shell and automation that runs docker (e.g. /etc/profile.d/docker-content-trust.sh and CI environments). The generated change writes that file when the profile sets contentTrust.',
  references: ['CIS Docker Benchmark v1.8.0, 4.5', 'https://docs.docker.com/engine/security/trust/'],
  check,
  fix: (_failed, _facts, params) => {
    if (!params.contentTrust) {
      return [
        {
          kind: 'manual',
          text: "Export DOCKER_CONTENT_TRUST=1 for the shells and automation that run docker (the profile's contentTrust parameter is off, so no file is written).",
        },
      ];
    }
    return [
      {
        kind: 'env-file',
        path: CONTENT_TRUST_FILE,
        name: 'DOCKER_CONTENT_TRUST',
        value: '1',
        impact: 'docker pull/run/build in login shells refuse unsigned image tags; scripts that need them must pass --disable-content-trust.',
      },
    ];
  },
});
