// The images `audit --scan` hands the scanner: each image a container uses, once, by the name the
// local engine resolves to exactly that image. Pure: reads the facts only.
import type { EngineObject, HostFacts } from '../facts/host-facts.js';

export interface ScanTarget {
  /** The engine's image Id (sha256:<hex>), what the containers run. */
  imageId: string;
  /** What the scanner is given: a repo:tag or repo@digest of this image, else its Id. */
  ref: string;
  /** The containers that run it (names without the leading slash), for notes. */
  containers: string[];
}

/**
 * Unique images of the containers, sorted by Id. A tag can move to a newer image after a container
 * started, so only tags and digests the engine lists for this very image Id are used (an image's
 * RepoTags are exactly the tags that point at it now); an image with neither (untagged, or its tag
 * moved on) is named by its Id, which trivy and grype both resolve through the engine.
 */
export function scanTargets(facts: HostFacts): ScanTarget[] {
  const engine = facts.engine;
  if (!engine) return [];
  const images = new Map<string, EngineObject>(engine.images.map((img) => [String(img.Id ?? ''), img]));
  const users = new Map<string, string[]>();
  for (const c of engine.containers) {
    const id = String(c.Image ?? '');
    if (!id) continue;
    const name = String(c.Name ?? c.Id ?? '').replace(/^\//, '');
    users.set(id, [...(users.get(id) ?? []), name]);
  }
  return [...users.keys()].sort().map((imageId) => ({
    imageId,
    ref: imageRef(imageId, images.get(imageId)),
    containers: (users.get(imageId) ?? []).sort(),
  }));
}

/** A readable name for the image that the engine resolves to it: tag, then digest, then the Id. */
export function imageRef(imageId: string, image: EngineObject | undefined): string {
  const named = (list: unknown) => (Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string' && v !== '' && !v.startsWith('<none>')) : []);
  return named(image?.RepoTags).sort()[0] ?? named(image?.RepoDigests).sort()[0] ?? imageId;
}
