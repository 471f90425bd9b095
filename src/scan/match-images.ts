// Which report belongs to which image in use. Content first: an image id or a digest names the
// exact image, whatever it is tagged now. A report that names no image of this host by content
// falls back to its repo:tag; the evidence then says so, since the tag may have moved since the scan.
import type { EngineObject, HostFacts } from '../facts/host-facts.js';
import type { ScanMatch, ScanReport } from '../facts/scan-facts.js';
import { digestHash, normalTag, strings } from './image-refs.js';

/** The images at least one container (running or stopped) was created from. */
export function imagesInUse(facts: HostFacts): EngineObject[] {
  const used = new Set((facts.engine?.containers ?? []).map((c) => String(c.Image ?? '')));
  return (facts.engine?.images ?? []).filter((img) => used.has(String(img.Id ?? '')));
}

export function matchReports(images: readonly EngineObject[], reports: readonly ScanReport[]): ScanMatch[] {
  return reports.flatMap((report, index) => {
    const idHashes = hashes(report.image.ids);
    const anyHashes = new Set([...idHashes, ...hashes(report.image.digests)]);
    const byContent = images.flatMap((img): ScanMatch[] => {
      // Under the containerd image store the engine's Id is the manifest digest, not the config id.
      const own = hashes([String(img.Id ?? ''), ...strings(img.RepoDigests)]);
      const id = digestHash(String(img.Id ?? ''));
      if (id && idHashes.has(id)) return [{ report: index, imageId: String(img.Id), by: 'id' }];
      return [...own].some((h) => anyHashes.has(h)) ? [{ report: index, imageId: String(img.Id), by: 'digest' }] : [];
    });
    if (byContent.length > 0) return byContent;
    const tags = new Set(report.image.tags.map(normalTag).filter((t): t is string => t !== null));
    return images
      .filter((img) => strings(img.RepoTags).some((t) => tags.has(normalTag(t) ?? '')))
      .map((img): ScanMatch => ({ report: index, imageId: String(img.Id), by: 'tag' }));
  });
}

function hashes(refs: readonly string[]): Set<string> {
  return new Set(refs.map(digestHash).filter((h): h is string => h !== null));
}
