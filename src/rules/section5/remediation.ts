// Turning a runtime rule's failing containers into contributions. A compose-managed container is
// fixed in its service (a recreate by compose would undo anything else); a plain container gets
// `docker update` where the engine can change the setting live, else the docker run flags to
// recreate it with.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult, CheckStatus } from '../rule.js';
import { containerViews, type ContainerView } from './support.js';

const SWARM_SERVICE = 'com.docker.swarm.service.name';

export interface ContainerFix {
  /** Compose Spec service keys; null as a value means "remove / reset to the default". */
  compose?: { key: string; value: unknown }[];
  /** `docker update` flags; all of one container's flags belong in one invocation. */
  update?: { flag: string; value: string }[];
  /** docker run flags for recreating the container, for what docker update cannot change. */
  recreate?: string[];
  /** Advice where no fix is mechanical. */
  manual?: string;
  impact?: string;
}

export function remediateFailures(
  facts: HostFacts,
  check: (facts: HostFacts) => CheckResult[],
  fix: (c: ContainerView) => ContainerFix | null,
  statuses: readonly CheckStatus[] = ['fail'],
): Contribution[] {
  const failing = new Set(
    check(facts)
      .filter((r) => statuses.includes(r.status) && r.subject?.container)
      .map((r) => r.subject!.container!),
  );
  const out: Contribution[] = [];
  const composeKeys = new Set<string>();
  const swarmServices = new Set<string>();
  for (const c of containerViews(facts)) {
    if (!failing.has(c.name)) continue;
    const f = fix(c);
    if (!f) continue;
    const impact = f.impact ? { impact: f.impact } : {};
    const { project, service } = c.subject;
    const swarmService = c.raw.Config?.Labels?.[SWARM_SERVICE] as string | undefined;
    if (swarmService) {
      // Swarm replaces a task it did not create: `docker update` or a recreate would be undone.
      if (!swarmServices.has(swarmService)) {
        swarmServices.add(swarmService);
        out.push({
          kind: 'manual',
          text: `Containers of swarm service ${swarmService} are tasks: change the service itself (\`docker service update ${swarmService}\` or its stack file), not its containers.`,
          ...impact,
        });
      }
    } else if (project && service && f.compose) {
      // Replicas of one service share its definition: one contribution per service and key.
      for (const { key, value } of f.compose) {
        const id = `${project}\0${service}\0${key}`;
        if (composeKeys.has(id)) continue;
        composeKeys.add(id);
        out.push({ kind: 'compose-service', project, service, key, value, ...impact });
      }
    } else if (f.update) {
      for (const u of f.update) out.push({ kind: 'docker-update', container: c.name, flag: u.flag, value: u.value, ...impact });
    } else if (f.recreate) {
      out.push({ kind: 'recreate-advice', container: c.name, flags: f.recreate, ...impact });
    } else if (f.manual) {
      out.push({ kind: 'manual', text: f.manual, ...impact });
    }
  }
  return out;
}

/** Names an image is known by, most specific first: as written, then without the Docker Hub prefixes. */
function imageNames(image: string): string[] {
  const names = [image];
  const short = image.replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
  if (short !== image) names.push(short);
  return names;
}

/** The value of the longest key that prefixes the image name (as written or in short Docker Hub form). */
export function byImagePrefix<T>(map: Record<string, T>, image: string): T | undefined {
  let best: string | undefined;
  for (const name of imageNames(image)) {
    for (const prefix of Object.keys(map)) {
      if (name.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
    }
  }
  return best === undefined ? undefined : map[best];
}

/**
 * Twice a docker size ("512m" -> "1024m"): what `docker run --memory` gives --memory-swap by
 * default. `docker update --memory` on a container created without limits is refused unless
 * --memory-swap is raised in the same call.
 */
export function doubledSize(size: string): string {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(size.trim());
  if (!m) return size;
  return `${Number(m[1]) * 2}${m[2]}`;
}
