// 4.8: setuid/setgid files live in the image filesystem, which only a deep scan (--deep) reads.
// Without scan data the item stays manual; with it, each scanned image passes or fails on what
// find saw, and an image find could not fully read warns instead of pretending to be clean.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { manualResult, verdict } from '../section5/support.js';
import { adviseEachImage, perImage, usedByText } from './support.js';
import { factsItem } from '../item-rule.js';

const FIND = (image: string) => `docker run --rm --network none --cap-drop ALL --entrypoint find ${image} / -xdev -perm /6000 -type f`;
/** Evidence lines per image; a full distribution image has a dozen, a broken one could have thousands. */
const MAX_FILES = 50;

function check(facts: HostFacts): CheckResult[] {
  const scans = facts.engine?.imageScans;
  if (!scans) {
    return manualResult(
      'The image filesystems are not in the facts: run with --deep to scan the images containers use, or list setuid/setgid files per image.',
      FIND('<image>'),
    );
  }
  return perImage(facts, (img) => {
    const scan = scans[img.id];
    if (!scan) {
      return verdict('manual', `Image ${img.ref} was not scanned (--deep scans the images containers use; this one is ${usedByText(img)}).`, FIND(img.ref));
    }
    const files = scan.setuidFiles;
    const shown = files.slice(0, MAX_FILES).map((f) => `setuid/setgid file ${f}`);
    if (files.length > MAX_FILES) shown.push(`and ${files.length - MAX_FILES} more setuid/setgid files`);
    const note = scan.error ? [`scan incomplete: ${scan.error}`] : [];
    if (files.length > 0) {
      const count = `${files.length} setuid/setgid file${files.length === 1 ? '' : 's'}`;
      return verdict('fail', `Image ${img.ref} has ${count} (${usedByText(img)}).`, ...shown, ...note);
    }
    if (scan.error) return verdict('warn', `Image ${img.ref} could not be fully scanned for setuid/setgid files: ${scan.error}.`, ...note, FIND(img.ref));
    return verdict('pass', `Image ${img.ref} has no setuid/setgid files.`, `find / -xdev -perm /6000 -type f: no files (${usedByText(img)})`);
  });
}

export const setuidSetgidRemoved = factsItem({
  id: '4.8',
  title: 'Ensure setuid and setgid permissions are removed',
  level: 2,
  severity: 'medium',
  rationale:
    'setuid and setgid binaries let an unprivileged process in the container become root (or another user), which is the usual next step after a compromise.',
  impact: 'Tools that rely on setuid (su, passwd, ping on some images) stop working for non-root users.',
  remediation:
    'Remove the bits at build time, at the end of the Dockerfile: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} \\; || true`, keeping only those the service needs. Runtime --security-opt no-new-privileges (item 5.26) also neutralises them. `audit --deep` scans the images containers use.',
  references: ['CIS Docker Benchmark v1.8.0, 4.8', 'https://man7.org/linux/man-pages/man2/execve.2.html'],
  check,
  fix: adviseEachImage({
    text: (image) =>
      `Image ${image}: strip the setuid/setgid bits at the end of its Dockerfile (\`RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +\`), keeping only those the service needs, and rebuild.`,
    impact: 'Tools that rely on setuid (su, passwd, ping) stop working for non-root users in the container.',
  }),
});
