// 4.9: ADD fetches URLs and unpacks archives; COPY only copies. In history, the base image's
// rootfs is the oldest instruction, an ADD into "/" ("ADD file:<hash> in /" from the classic
// builder, "ADD rootfs.tar.gz /" from BuildKit): that is how base images are made and is
// skipped; any other ADD is flagged.
import { verdict, type Verdict } from '../section5/support.js';
import { clip, instruction, imageItem, type ImageView } from './support.js';

const INTO_ROOT = /(?:^|\s)\/\s*$/;

/** ADD instructions of a history (newest first, as the API returns it), minus the base rootfs. */
export function addInstructions(history: { CreatedBy?: unknown }[]): string[] {
  const steps = history.map((h) => instruction(h.CreatedBy));
  let oldest = steps.length - 1;
  while (oldest >= 0 && steps[oldest].kind === '') oldest--;
  return steps.filter((ins, i) => ins.kind === 'ADD' && !(i === oldest && INTO_ROOT.test(ins.text))).map((ins) => ins.text);
}

function judge(img: ImageView): Verdict {
  if (!img.history)
    return verdict('warn', `The history of image ${img.ref} was not collected, so its ADD instructions could not be read.`, 'History: not collected');
  const adds = addInstructions(img.history);
  return adds.length > 0
    ? verdict('fail', `Image ${img.ref} was built with ADD where COPY would do.`, ...adds.map((t) => `history: ADD ${clip(t)}`))
    : verdict('pass', `Image ${img.ref} uses no ADD beyond its base filesystem.`, `History: ${img.history.length} entries checked`);
}

export const copyInsteadOfAdd = imageItem({
  id: '4.9',
  title: 'Ensure that COPY is used instead of ADD in Dockerfiles',
  severity: 'low',
  rationale:
    'ADD downloads remote URLs without verification and silently unpacks local archives (zip-bomb and path-traversal risks); COPY does only what it says.',
  impact: 'Archives must be unpacked explicitly in a RUN, and downloads fetched with a verified tool (curl + checksum).',
  remediation:
    "Replace ADD with COPY in the Dockerfile; fetch remote files with curl/wget and verify a checksum, and unpack archives in an explicit RUN. The base image's own `ADD file:... in /` layer is not flagged; an ADD inherited from a parent image is.",
  references: ['CIS Docker Benchmark v1.8.0, 4.9', 'https://docs.docker.com/build/building/best-practices/#add-or-copy'],
  judge,
});
