// The plan's advice for an image that fails 4.4: what to rebuild it from and which containers to
// recreate afterwards. The base comes from the scanner where it names one (the image's
// org.opencontainers.image.base.name label, as Trivy or Grype read it), else from the same label
// in the engine's image data, else the OS the scanner detected.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult } from '../rule.js';
import { imageViews, type ImageView } from './support.js';
import { reportFor, worst, cveLine } from './4-4-scan-verdict.js';
import { severityRank } from '../../facts/scan-facts.js';

const BASE_NAME_LABEL = 'org.opencontainers.image.base.name';

export function rebuildAdvice(failed: CheckResult[], facts: HostFacts): Contribution[] {
  const scans = facts.scans;
  if (!scans) return [];
  const images = imageViews(facts);
  return failed.flatMap((result): Contribution[] => {
    const img = images.find((i) => i.ref === result.subject?.image);
    const found = img && reportFor(scans, img.id);
    if (!img || !found) return [];
    const fixable = worst(found.report.vulnerabilities.filter((v) => v.fixed && severityRank(v.severity) >= severityRank(scans.threshold)));
    const names = img.usedBy.map((c) => c.name);
    const text = [
      `Rebuild ${img.ref} ${baseText(img, found.report.base)} with \`docker build --pull --no-cache\`, then recreate the ${names.length === 1 ? 'container that uses' : 'containers that use'} it: ${names.join(', ')}.`,
      fixable.length > 0
        ? `Fixed versions exist for ${fixable.map(cveLine).join('; ')}.`
        : 'The scanner knows no fixed version yet for what it found: a newer base may still carry fewer.',
    ].join(' ');
    return [{ kind: 'manual', text, impact: 'A rebuilt image has newer packages; test it before the containers are recreated from it.' }];
  });
}

function baseText(img: ImageView, base: { image?: string; os?: string }): string {
  const label = base.image ?? (img.config.Labels as Record<string, string> | null | undefined)?.[BASE_NAME_LABEL];
  if (label) return `from a freshly pulled ${label}`;
  if (base.os) return `from the newest patch release of its base (the scanner detected ${base.os})`;
  return 'from a freshly pulled, patched base image';
}
