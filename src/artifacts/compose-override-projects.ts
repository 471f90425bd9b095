// The Compose projects a plan renders for: those the engine's containers belong to, with the
// Compose version their labels record, and those given with --compose, unless the engine already
// reports the same files.
import type { EngineObject, HostFacts } from '../facts/host-facts.js';
import type { PlanNote } from '../plan-model/plan.js';
import { projectFlavour } from '../compose/compose-flavour.js';
import type { ComposeProjectInput } from '../compose/load-project.js';
import { exposedPortNumbers } from '../compose/image-facts.js';

const PROJECT = 'com.docker.compose.project';
const VERSION = 'com.docker.compose.version';

export function projectContainers(facts: HostFacts, project: string, service?: string): EngineObject[] {
  return (facts.engine?.containers ?? []).filter((c) => {
    const labels: Record<string, string> = c.Config?.Labels ?? {};
    return labels[PROJECT] === project && (service === undefined || labels['com.docker.compose.service'] === service);
  });
}

/** Container ports the service's containers expose (their image's EXPOSE included). */
export function containerExposedPorts(facts: HostFacts, project: string, service: string): number[] {
  return projectContainers(facts, project, service).flatMap((c) => exposedPortNumbers(c.Config?.ExposedPorts));
}

export function composeProjects(facts: HostFacts, fromFiles: readonly ComposeProjectInput[] = []): { projects: ComposeProjectInput[]; notes: PlanNote[] } {
  const projects: ComposeProjectInput[] = facts.compose.map((p) => ({
    ...p,
    origin: 'engine' as const,
    flavour: projectFlavour(projectContainers(facts, p.name).map((c) => (c.Config?.Labels?.[VERSION] as string | undefined) ?? null)),
  }));
  const notes: PlanNote[] = [];
  const known = new Set(projects.flatMap((p) => p.configFiles.map((f) => f.path)));
  for (const p of fromFiles) {
    const seen = p.configFiles.find((f) => known.has(f.path));
    if (seen) {
      notes.push({
        text: `${seen.path} belongs to the running Compose project ${projects.find((q) => q.configFiles.some((f) => f.path === seen.path))!.name}; it is planned from that project's containers.`,
      });
      continue;
    }
    projects.push(p);
  }
  return { projects, notes };
}
