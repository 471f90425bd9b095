// One service of a loaded project: its contributions (the rules' for engine projects, the file
// evaluator's for --compose projects), folded into wants and placed into override entries and
// base-file operations.
import type { HostFacts } from '../facts/host-facts.js';
import type { HardeningParams } from '../rules/params.js';
import type { PlanNotes } from '../plan-model/plan.js';
import { ofKind, type Tagged } from '../rules/contribution.js';
import type { LoadedProject } from '../compose/load-project.js';
import { evaluateService } from '../compose/evaluate-service.js';
import { asList, type ServiceDef } from '../compose/merge-services.js';
import { containerPortNumber, parsePort } from '../rules/workload/port-entries.js';
import { imageExposedPorts } from '../compose/image-facts.js';
import { serviceImage } from '../compose/service-reading.js';
import { volumeItems } from '../compose/volume-items.js';
import { hasWants, serviceWants } from '../compose/service-wants.js';
import { placeService } from '../compose/place-service.js';
import type { Placement } from '../compose/placement.js';
import { containerExposedPorts } from './compose-override-projects.js';

/** Images whose stock configuration binds a port below 1024 as root. */
const LOW_PORT_IMAGES = new Set(['nginx', 'httpd', 'caddy', 'traefik', 'haproxy', 'apache2', 'lighttpd']);

export interface ServiceContextInput {
  facts: HostFacts;
  params: HardeningParams;
  selected: ReadonlySet<string>;
  contributions: readonly Tagged[];
}

export interface ServiceResult {
  placement: Placement;
  /** compose-service contributions this placement stands for. */
  handled: Tagged[];
}

function imageRepo(image: string): string {
  return (image.replace(/@.*$/, '').split('/').pop() ?? '').replace(/:[^:]*$/, '');
}

/** Why cap_drop ALL must keep NET_BIND_SERVICE for this service, or null. */
export function lowPortReason(def: ServiceDef, facts: HostFacts, project: string, service: string): string | null {
  const image = serviceImage(def);
  const sources: [string, number[]][] = [
    [
      'its ports',
      asList(def.ports)
        .map(parsePort)
        .flatMap((p) => (p ? [containerPortNumber(p)] : [])),
    ],
    ['its expose list', asList(def.expose).map((e) => Number.parseInt(String(e), 10))],
    ['its container', containerExposedPorts(facts, project, service)],
    [`image ${image}`, imageExposedPorts(facts, image)],
  ];
  for (const [where, ports] of sources) {
    const low = ports.find((p) => p > 0 && p < 1024);
    if (low !== undefined) return `it listens on container port ${low} (from ${where})`;
  }
  return LOW_PORT_IMAGES.has(imageRepo(image)) ? `image ${image} binds a port below 1024 in its stock configuration` : null;
}

// The warnings already in the notes, as keys, kept up to date with what was pushed since the last
// look: a project of thousands of services would otherwise scan all warnings for each new one.
const seenWarnings = new WeakMap<PlanNotes, { keys: Set<string>; synced: number }>();
function warningsSeen(notes: PlanNotes): { has(key: string): boolean } {
  const entry = seenWarnings.get(notes) ?? { keys: new Set<string>(), synced: 0 };
  seenWarnings.set(notes, entry);
  return {
    has: (key) => {
      for (; entry.synced < notes.warnings.length; entry.synced++) {
        const w = notes.warnings[entry.synced]!;
        entry.keys.add(`${w.ruleId}\n${w.text}`);
      }
      return entry.keys.has(key);
    },
  };
}

export function planComposeService(project: LoadedProject, service: string, input: ServiceContextInput, notes: PlanNotes): ServiceResult | null {
  const def = project.services[service];
  const { name, origin, flavour } = project.input;
  let compose: Tagged<'compose-service'>[];
  if (origin === 'engine') {
    compose = ofKind(input.contributions as Tagged[], 'compose-service').filter((c) => c.project === name && c.service === service);
  } else {
    const evaluated = evaluateService({
      project: name,
      service,
      def,
      facts: input.facts,
      params: input.params,
      selected: input.selected,
      projectDir: project.projectDir,
      lowPortReason: lowPortReason(def, input.facts, name, service),
    });
    compose = ofKind(evaluated, 'compose-service');
    for (const c of ofKind(evaluated, 'manual')) notes.manual.push({ ruleId: c.ruleId, text: c.text });
    const seen = warningsSeen(notes);
    for (const c of evaluated) {
      if (c.impact && !seen.has(`${c.ruleId}\n${c.impact}`)) notes.warnings.push({ ruleId: c.ruleId, text: c.impact });
    }
  }
  const volumes = volumeItems({ def, facts: input.facts, projectDir: project.projectDir });
  const wants = serviceWants(compose, def, volumes, input.selected);
  if (!hasWants(wants)) return null;
  const placement = placeService(
    {
      project: name,
      service,
      def,
      flavour,
      bindHostIp: input.params.bindHostIp,
      volumes,
      lowPortReason: lowPortReason(def, input.facts, name, service),
    },
    wants,
  );
  return { placement, handled: compose };
}
