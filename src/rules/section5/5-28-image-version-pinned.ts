// 5.28: whether a container runs the latest build of its image depends on the registry, which
// the facts do not reach; the check reports how each container's image is referenced.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { engineGate, containerViews, containerEvidence } from './support.js';

function reference(image: string): string {
  if (image.includes('@sha256:')) return 'pinned by digest';
  if (/^sha256:[0-9a-f]+$/.test(image)) return 'referenced by image id';
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag && tag !== 'latest' ? `tag ${tag}` : 'the floating "latest" tag';
}

function check(facts: HostFacts): CheckResult[] {
  const gate = engineGate(facts);
  // Unreadable engine: the advice still stands, so the item stays manual rather than a warning.
  if (gate?.[0].status === 'warn') {
    return [
      {
        status: 'manual',
        message: 'The engine could not be read; check that every container runs a pinned, current image.',
        evidence: [...gate[0].evidence, { kind: 'command', detail: "docker ps -a --format '{{.Names}} {{.Image}}'" }],
      },
    ];
  }
  if (gate) return gate;
  const views = containerViews(facts);
  if (views.length === 0)
    return [{ status: 'not-applicable', message: 'No containers exist on this host.', evidence: [{ kind: 'engine', detail: 'containers: []' }] }];
  return views.map((c) => ({
    status: 'manual',
    message: `Container ${c.name} runs ${c.image} (${reference(c.image)}); confirm it is the current build with \`docker pull ${c.image}\` and recreate it if that fetched a newer image.`,
    evidence: [containerEvidence(c, `Config.Image: ${c.image}`), containerEvidence(c, `Image: ${c.raw.Image ?? 'unknown'}`)],
    subject: c.subject,
  }));
}

export const imageVersionPinned: Rule = {
  id: '5.28',
  aliases: { '1.7.0': '5.28', '1.6.0': '5.28' },
  title: 'Ensure that Docker commands always make use of the latest version of their image',
  section: 5,
  level: 1,
  automated: false,
  checks: 'manual',
  severity: 'low',
  rationale:
    'A locally cached image is used as is: a container recreated from a cached tag keeps old, possibly vulnerable software, and a floating tag such as latest hides which build is running.',
  impact: 'Pulling and recreating brings in whatever changed upstream; pin digests to make updates deliberate.',
  remediation:
    'Reference images by a versioned tag or digest (`image@sha256:...`), pull before (re)creating (`docker pull`, `docker compose pull`, or `docker run --pull always`), and rebuild/redeploy when the base image is patched.',
  references: ['CIS Docker Benchmark v1.8.0, 5.28', 'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier'],
  check,
};
