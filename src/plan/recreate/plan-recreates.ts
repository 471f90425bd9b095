// The recreate part of a plan: for each container a recreate may touch, its hardened copy as a
// RecreateStep, the containers it covers (their `docker update` steps and recreate advice give
// way to it), refusals, and what the new containers will do differently.
import type { HostFacts } from '../../facts/host-facts.js';
import type { HardeningParams } from '../../rules/params.js';
import type { PlanNote, RefusedItem } from '../../plan-model/plan.js';
import type { RecreateStep } from '../../plan-model/recreate.js';
import { chooseContainers, type RecreateChoice } from './choose-containers.js';
import { hardenContainer } from './harden-container.js';
import { runArgv } from './run-argv.js';

export interface PlannedRecreates {
  steps: RecreateStep[];
  refused: RefusedItem[];
  warnings: PlanNote[];
}

export function planRecreates(facts: HostFacts, selected: ReadonlySet<string>, params: HardeningParams, choice: RecreateChoice): PlannedRecreates {
  const { chosen, refused } = chooseContainers(facts, choice);
  const steps: RecreateStep[] = [];
  const warnings: PlanNote[] = [];
  for (const view of chosen) {
    const hardened = hardenContainer(view, facts, selected, params);
    const before = runArgv(view.name, hardened.original.create, hardened.original.networks);
    const after = runArgv(view.name, hardened.create, hardened.networks);
    // Nothing needs a new container: `docker update` (or nothing at all) does it without a restart.
    if (!hardened.needsRecreate || before.join('\0') === after.join('\0')) continue;
    steps.push({
      id: `recreate:${view.name}`,
      container: { id: String(view.raw.Id), name: view.name, running: view.running, image: String(view.raw.Image) },
      create: hardened.create,
      networks: hardened.networks,
      createNetworks: hardened.createNetworks,
      gateSeconds: params.recreateGateSeconds,
      closes: hardened.closes,
      runDiff: { before, after },
    });
    for (const note of hardened.notes) warnings.push({ text: `Recreated container ${view.name}: ${note}`, paths: [] });
  }
  return { steps: steps.sort((a, b) => a.id.localeCompare(b.id)), refused, warnings };
}

/** Contributions a recreate carries out itself: the `docker update` flags and recreate advice for its containers. */
export function leftToOthers<T extends { kind: string; container?: string }>(contributions: T[], steps: readonly RecreateStep[]): T[] {
  const names = new Set(steps.map((s) => s.container.name));
  return contributions.filter((c) => !((c.kind === 'docker-update' || c.kind === 'recreate-advice') && c.container !== undefined && names.has(c.container)));
}
