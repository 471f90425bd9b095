// Which containers a recreate may touch. Compose and swarm containers are fixed in their files or
// services (their orchestrator would undo a recreate); an --rm container is gone the moment it
// stops, so it is recreated only when named; a container whose image is no longer on the host
// cannot be made again, and one with legacy --link would lose its links off docker0.
import type { HostFacts } from '../../facts/host-facts.js';
import type { RefusedItem } from '../../plan-model/plan.js';
import { containerViews, type ContainerView } from '../../rules/section5/support.js';

/** `--recreate` (every eligible container) or `--recreate=web,db` (those named, --rm ones too). */
export interface RecreateChoice {
  names?: string[];
}

/** The name the executor gives an original it keeps during a recreate. */
export const PRE_HARDEN_MARK = '.pre-harden-';

const managedBy = (c: ContainerView): string | null => {
  const labels = c.inspect.labels;
  if (Object.keys(labels).some((k) => k.startsWith('com.docker.swarm.'))) return 'swarm, whose service is fixed instead';
  if (Object.keys(labels).some((k) => k.startsWith('com.docker.compose.'))) {
    const project = labels['com.docker.compose.project'];
    return `Compose${project ? ` (project ${project})` : ''}, whose compose file is fixed instead`;
  }
  return null;
};

export function chooseContainers(facts: HostFacts, choice: RecreateChoice): { chosen: ContainerView[]; refused: RefusedItem[] } {
  const views = containerViews(facts);
  const named = choice.names ? new Set(choice.names) : null;
  const refused: RefusedItem[] = [];
  const refuse = (c: ContainerView, why: string) =>
    refused.push({ key: `recreate:${c.name}`, text: `Container ${c.name} is not recreated: ${why}.`, paths: [] });
  for (const name of named ?? []) {
    if (!views.some((c) => c.name === name)) {
      refused.push({ key: `recreate:${name}`, blocking: true, text: `--recreate names container ${name}, which the engine does not have.`, paths: [] });
    }
  }
  const images = new Set((facts.engine?.images ?? []).map((i) => String(i.Id)));
  const chosen: ContainerView[] = [];
  for (const c of views) {
    if (named && !named.has(c.name)) continue;
    // The original kept by an earlier recreate that was interrupted: apply puts it back first.
    if (c.name.includes(PRE_HARDEN_MARK)) continue;
    const manager = managedBy(c);
    if (manager) {
      if (named) refuse(c, `it is managed by ${manager}`);
      continue;
    }
    if (c.hostConfig.AutoRemove === true && !named) continue;
    if (!images.has(String(c.raw.Image)))
      refuse(c, `its image ${c.image} (${String(c.raw.Image).slice(0, 19)}) is no longer on the host, so it could not be made again`);
    else if (Array.isArray(c.hostConfig.Links) && c.hostConfig.Links.length > 0) refuse(c, 'it uses legacy --link, which a new container would not keep');
    else chosen.push(c);
  }
  return { chosen, refused };
}
