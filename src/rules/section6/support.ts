// Counting what sprawls on a host: images no container uses, and containers that are not running.
import type { HostFacts } from '../../facts/host-facts.js';
import { imageViews, type ImageView } from '../section4/support.js';
import { containerViews, type ContainerView } from '../section5/support.js';

/** More stopped containers than this (and more than are running) is sprawl, not a few leftovers. */
export const STOPPED_CONTAINER_THRESHOLD = 5;

export function unusedImages(facts: HostFacts): { tagged: ImageView[]; dangling: ImageView[] } {
  const unused = imageViews(facts).filter((img) => img.usedBy.length === 0);
  const isDangling = (img: ImageView) => !((img.raw.RepoTags ?? []) as string[]).some((t) => t && t !== '<none>:<none>');
  return { tagged: unused.filter((i) => !isDangling(i)), dangling: unused.filter(isDangling) };
}

export function containersByState(facts: HostFacts): { running: ContainerView[]; stopped: ContainerView[] } {
  const all = containerViews(facts);
  return { running: all.filter((c) => c.running), stopped: all.filter((c) => !c.running) };
}
