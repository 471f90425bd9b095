// CIS 4.9: COPY, not ADD. ADD also downloads URLs and unpacks archives; both are accepted where
// that is the point (a download verified with --checksum, a local tar meant to be extracted).
import type { CheckOutcome } from '../types.js';
import type { Instr } from '../model.js';
import { copyArgs, flagValue } from '../instr-args.js';
import { replaceKeyword } from '../text-edits.js';
import { ORDER } from './fix-order.js';
import { cisCheck } from './define-check.js';

const URL = /^(https?|ftp):\/\/|^git@|^git:\/\/|\.git(#.*)?$/i;
/** What ADD extracts: tar, plain or compressed with gzip, bzip2 or xz. */
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'from', 'exclude', 'parents']);

export const addInsteadOfCopy = cisCheck({
  id: '4.9',
  rationale:
    'ADD fetches remote URLs (open to tampering in transit unless verified) and silently unpacks local archives (zip bombs, path traversal); COPY only copies.',
  remediation: 'Use COPY for local files; for downloads use ADD --checksum=sha256:... or RUN wget + sha256sum -c.',
  check(doc) {
    const out: CheckOutcome[] = [];
    for (const add of doc.stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'ADD')) out.push(judge(add));
    return out;
  },
});

function judge(add: Instr): CheckOutcome {
  const { sources, dest } = copyArgs(add);
  const urls = sources.filter((s) => URL.test(s));
  if (urls.length > 0) {
    if (flagValue(add, 'checksum'))
      return { line: add.line, severity: 'info', message: `ADD of ${urls.join(', ')} with --checksum: accepted, the download is verified` };
    return {
      line: add.line,
      message: `ADD downloads ${urls.join(', ')} without --checksum, so the content is not verified`,
      advice: `verify the download: ADD --checksum=sha256:<sha256 of the file> ${urls[0]} ${dest} (Dockerfile syntax 1.6+), or RUN wget -O /tmp/file ${urls[0]} && echo "<sha256>  /tmp/file" | sha256sum -c -`,
    };
  }
  const variable = sources.find((s) => s.includes('$'));
  if (variable) {
    return {
      line: add.line,
      message: `ADD of ${variable}, which may be a URL or an archive: use COPY for local files`,
      advice: 'use COPY when the source is a local file or directory',
    };
  }
  const archives = sources.filter((s) => ARCHIVE.test(s));
  if (archives.length > 0) {
    return {
      line: add.line,
      severity: 'info',
      message: `ADD extracts the local archive ${archives.join(', ')} into the image: accepted, as COPY cannot; make sure the archive comes from a trusted build`,
    };
  }
  const foreign = add.flags.filter((f) => !COPY_FLAGS.has(f.name)).map((f) => `--${f.name}`);
  if (foreign.length > 0) {
    return {
      line: add.line,
      message: `ADD of a local path: use COPY (not rewritten: COPY has no ${foreign.join(', ')})`,
      advice: 'use COPY for local files and directories',
    };
  }
  return { line: add.line, message: 'ADD of a local path: use COPY, which only copies', fix: { edits: [replaceKeyword(add, 'COPY', ORDER.keyword)] } };
}
