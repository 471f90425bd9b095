// 4.8: finding setuid/setgid files needs the image's filesystem, which the facts do not hold.
import type { Rule } from '../rule.js';
import { manualResult } from '../section5/support.js';

export const setuidSetgidRemoved: Rule = {
  id: '4.8',
  aliases: { '1.7.0': '4.8', '1.6.0': '4.8' },
  title: 'Ensure setuid and setgid permissions are removed',
  section: 4,
  level: 2,
  automated: false,
  checks: 'manual',
  severity: 'medium',
  rationale: 'setuid and setgid binaries let an unprivileged process in the container become root (or another user), which is the usual next step after a compromise.',
  impact: 'Tools that rely on setuid (su, passwd, ping on some images) stop working for non-root users.',
  remediation:
    'Remove the bits at build time, at the end of the Dockerfile: `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} \\; || true`, keeping only those the service needs. Runtime --security-opt no-new-privileges (item 5.26) also neutralises them.',
  references: ['CIS Docker Benchmark v1.8.0, 4.8', 'https://man7.org/linux/man-pages/man2/execve.2.html'],
  check: () =>
    manualResult(
      'The image filesystems are not in the facts (a deep scan, planned as --deep, would read them); list setuid/setgid files per image.',
      'docker run --rm --entrypoint find <image> / -xdev -perm /6000 -type f',
    ),
};
