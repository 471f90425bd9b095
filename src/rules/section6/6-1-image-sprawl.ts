// 6.1: images no container uses. Dangling ones (no tag left) are unambiguous sprawl and fail;
// tagged unused images may be kept on purpose (rollback, pre-pull), so they warn.
import type { HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { factsItem } from '../item-rule.js';
import { engineGate, listText } from '../section5/support.js';
import { unusedImages } from './support.js';

function check(facts: HostFacts): CheckResult[] {
  const gate = engineGate(facts, 'images');
  if (gate) return gate;
  const total = (facts.engine!.images ?? []).length;
  const { tagged, dangling } = unusedImages(facts);
  const evidence = [{ kind: 'engine', detail: `${total} images, ${total - tagged.length - dangling.length} used by containers` }];
  if (dangling.length > 0) evidence.push({ kind: 'engine', detail: `dangling (untagged, unused): ${listText(dangling.map((i) => i.ref))}` });
  if (tagged.length > 0) evidence.push({ kind: 'engine', detail: `tagged but unused: ${listText(tagged.map((i) => i.ref))}` });
  if (dangling.length > 0) {
    return [{ status: 'fail', message: `${dangling.length} dangling image(s) and ${tagged.length} unused tagged image(s) are kept on this host.`, evidence }];
  }
  if (tagged.length > 0) {
    return [{ status: 'warn', message: `${tagged.length} image(s) on this host are not used by any container; remove those not kept on purpose.`, evidence }];
  }
  return [{ status: 'pass', message: 'Every image on this host is used by a container.', evidence }];
}

export const imageSprawlAvoided = factsItem({
  id: '6.1',
  title: 'Ensure that image sprawl is avoided',
  severity: 'low',
  rationale: 'Old images keep old, vulnerable software one `docker run` away, fill the disk, and make it hard to tell which image is current.',
  impact: 'Removed images must be pulled or rebuilt again before use; keep rollback images deliberately (tagged).',
  remediation:
    'Remove dangling images with `docker image prune` and unused tagged ones with `docker image prune -a` (or `docker rmi <image>` selectively); pull by digest so versions are explicit. Dangling images fail this check; unused tagged images warn.',
  references: ['CIS Docker Benchmark v1.8.0, 6.1', 'https://docs.docker.com/engine/manage-resources/pruning/#prune-images'],
  check,
  advice: {
    text: 'Run `docker image prune` to remove dangling images; review unused tagged images with `docker image ls` before `docker rmi`.',
  },
});
