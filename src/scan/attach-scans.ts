// Reports into the facts, with the profile's thresholds and the audit's clock resolved, so rule
// 4.4 judges from facts alone. Also the sentences for the audit's notes: what matched nothing.
import type { HostFacts } from '../facts/host-facts.js';
import type { ScanReport, VulnSeverity } from '../facts/scan-facts.js';
import { imagesInUse, matchReports } from './match-images.js';

export interface ScanSettings {
  /** The profile's scanSeverity. */
  threshold: VulnSeverity;
  /** The profile's scanMaxAgeDays. */
  maxAgeDays: number;
  now: Date;
}

export function attachScans(facts: HostFacts, reports: readonly ScanReport[], settings: ScanSettings): HostFacts {
  return {
    ...facts,
    scans: {
      threshold: settings.threshold,
      maxAgeDays: settings.maxAgeDays,
      checkedAt: settings.now.toISOString(),
      reports: [...reports],
      matches: matchReports(imagesInUse(facts), reports),
    },
  };
}

/** One sentence per report that matches no image in use, and per image in use that no report names. */
export function scanNotes(facts: HostFacts, explained: readonly string[] = []): string[] {
  const scans = facts.scans;
  if (!scans) return [];
  const unmatched = scans.reports
    .filter((_, i) => !scans.matches.some((m) => m.report === i))
    .map((r) => `The scan report ${r.source} (image ${r.image.name || r.image.ids[0] || r.image.digests[0]}) matches no image a container uses.`);
  const missing = imagesInUse(facts)
    .filter((img) => !scans.matches.some((m) => m.imageId === img.Id) && !explained.includes(String(img.Id)))
    .map((img) => `No scan report names the image ${imageName(img)}, which containers use.`);
  return [...unmatched, ...missing];
}

function imageName(img: Record<string, unknown>): string {
  const tag = (Array.isArray(img.RepoTags) ? img.RepoTags : []).find((t) => typeof t === 'string' && t !== '<none>:<none>');
  return typeof tag === 'string' ? tag : String(img.Id ?? 'unknown').slice(0, 19);
}
