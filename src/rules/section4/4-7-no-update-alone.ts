// 4.7: a RUN that only refreshes the package index is cached as its own layer, so a later
// install reuses a stale index. Read from the image history: an index update with no install or
// upgrade in the same RUN fails.
import { verdict, type Verdict } from '../section5/support.js';
import { clip, instruction, imageItem, type ImageView } from './support.js';

const OPTS = String.raw`(?:\s+-\S+)*`;
const UPDATE = new RegExp(
  String.raw`\b(?:apt-get|apt|aptitude)${OPTS}\s+update\b|\bapk${OPTS}\s+update\b|\b(?:yum|dnf|microdnf)${OPTS}\s+(?:update|makecache|check-update)\b|\bzypper${OPTS}\s+(?:refresh|ref)\b`,
);
const CONSUME = new RegExp(
  String.raw`\b(?:apt-get|apt|aptitude)${OPTS}\s+(?:install|upgrade|dist-upgrade|full-upgrade)\b|\bapk${OPTS}\s+(?:add|upgrade)\b|\b(?:yum|dnf|microdnf)${OPTS}\s+install\b|\bzypper${OPTS}\s+(?:install|in|update|up)\b`,
);

/** RUN commands of a history that update the index without using it in the same layer. */
export function updatesAlone(history: { CreatedBy?: unknown }[]): string[] {
  return history
    .map((h) => instruction(h.CreatedBy))
    .filter((i) => i.kind === 'RUN' && UPDATE.test(i.text) && !CONSUME.test(i.text))
    .map((i) => i.text);
}

function judge(img: ImageView): Verdict {
  if (!img.history)
    return verdict('warn', `The history of image ${img.ref} was not collected, so its RUN instructions could not be read.`, 'History: not collected');
  const bad = updatesAlone(img.history);
  return bad.length > 0
    ? verdict(
        'fail',
        `Image ${img.ref} has a RUN that updates the package index without installing in the same layer.`,
        ...bad.map((t) => `history: RUN ${clip(t)}`),
      )
    : verdict('pass', `Image ${img.ref} has no package-index update on its own in its history.`, `History: ${img.history.length} entries checked`);
}

export const noUpdateAlone = imageItem({
  id: '4.7',
  title: 'Ensure update instructions are not used alone in Dockerfiles',
  severity: 'low',
  rationale: 'The build cache keeps a lone `apt-get update` layer indefinitely; later installs then resolve against an old index and miss security fixes.',
  impact: 'Combining the instructions changes layer caching: the install layer rebuilds whenever the update does.',
  remediation:
    'Update and install in one RUN with pinned versions: `RUN apt-get update && apt-get install -y --no-install-recommends pkg=1.2.3 && rm -rf /var/lib/apt/lists/*` (or `apk add --no-cache pkg`); rebuild with --no-cache when patches are needed.',
  references: ['CIS Docker Benchmark v1.8.0, 4.7', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
  judge,
});
