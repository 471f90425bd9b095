// 5.28: whether a container runs the latest build of its image depends on the registry, which
// the facts do not reach; the check reports how each container's image is referenced.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { engineGate, verdict } from './support.js';
import { containerRule } from './workload-rule.js';

function reference(image: string): string {
  if (image.includes('@sha256:')) return 'pinned by digest';
  if (/^sha256:[0-9a-f]+$/.test(image)) return 'referenced by image id';
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag && tag !== 'latest' ? `tag ${tag}` : 'the floating "latest" tag';
}

/** Unreadable engine: the advice still stands, so the item stays manual rather than a warning. */
function unreadable(facts: HostFacts): CheckResult[] | null {
  const gate = engineGate(facts)?.[0];
  if (gate?.status !== 'warn') return null;
  const evidence = [...gate.evidence, { kind: 'command', detail: "docker ps -a --format '{{.Names}} {{.Image}}'" }];
  return [{ status: 'manual', message: 'The engine could not be read; check that every container runs a pinned, current image.', evidence }];
}

export const imageVersionPinned = containerRule(
  {
    id: '5.28',
    title: 'Ensure that Docker commands always make use of the latest version of their image',
    checks: 'manual',
    severity: 'low',
    rationale:
      'A locally cached image is used as is: a container recreated from a cached tag keeps old, possibly vulnerable software, and a floating tag such as latest hides which build is running.',
    impact: 'Pulling and recreating brings in whatever changed upstream; pin digests to make updates deliberate.',
    remediation:
      'Reference images by a versioned tag or digest (`image@sha256:...`), pull before (re)creating (`docker pull`, `docker compose pull`, or `docker run --pull always`), and rebuild/redeploy when the base image is patched.',
    references: ['CIS Docker Benchmark v1.8.0, 5.28', 'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier'],
  },
  (c) =>
    verdict(
      'manual',
      `Container ${c.name} runs ${c.image} (${reference(c.image)}); confirm it is the current build with \`docker pull ${c.image}\` and recreate it if that fetched a newer image.`,
      `Config.Image: ${c.image}`,
      `Image: ${c.raw.Image ?? 'unknown'}`,
    ),
  { gate: unreadable },
);
