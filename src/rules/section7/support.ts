// Swarm items apply only where this engine is an active swarm node; most cluster settings are
// visible only on managers.
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import type { CheckResult, Rule } from '../rule.js';
import { engineGate } from '../section5/support.js';
import { factsItem, manualItem, type FactsItemSpec, type ItemSpec } from '../item-rule.js';

/** Results for an engine that is not an active swarm node, or null when it is one. */
export function swarmGate(facts: HostFacts): CheckResult[] | null {
  const gate = engineGate(facts, 'swarm settings');
  if (gate) return gate;
  const state = String(facts.engine!.info?.Swarm?.LocalNodeState ?? '');
  if (state === 'active') return null;
  return [
    {
      status: 'not-applicable',
      message: 'This engine is not an active swarm node, so swarm settings do not apply.',
      evidence: [{ kind: 'engine', detail: `docker info: Swarm.LocalNodeState: ${JSON.stringify(state)}` }],
    },
  ];
}

export function swarmInfo(facts: HostFacts): EngineObject {
  return facts.engine?.info?.Swarm ?? {};
}

export const isManager = (facts: HostFacts) => swarmInfo(facts).ControlAvailable === true;

/**
 * A manual result for a swarm item, after the gate. Where the engine could not be read, the item
 * stays manual (not a warning): the guidance holds whether or not the node turns out to be in a swarm.
 */
export function swarmManual(facts: HostFacts, message: string, details: string[], ...commands: string[]): CheckResult[] {
  const gate = swarmGate(facts);
  const commandEvidence = commands.map((detail) => ({ kind: 'command', detail }));
  if (gate && gate[0].status !== 'warn') return gate;
  if (gate) {
    return [
      {
        status: 'manual',
        message: `The engine could not be read to tell whether this is a swarm node; if it is: ${message}`,
        evidence: [...gate[0].evidence, ...commandEvidence],
      },
    ];
  }
  return [{ status: 'manual', message, evidence: [...details.map((detail) => ({ kind: 'engine', detail })), ...commandEvidence] }];
}

/** A Go duration in nanoseconds as days, for evidence. */
export function nsToDays(ns: unknown): string {
  const n = Number(ns);
  return Number.isFinite(n) && n > 0 ? `${Math.round(n / 8.64e13)} days` : 'unknown';
}

/** A swarm item the facts decide: `check` runs only on an active swarm node. */
export function swarmItem(spec: FactsItemSpec): Rule {
  return factsItem({ ...spec, check: (facts) => swarmGate(facts) ?? spec.check(facts) });
}

export interface SwarmManualSpec extends ItemSpec {
  /** What to confirm, as one sentence. */
  message: string;
  /** What the engine does show about it, as engine evidence. */
  shown?(facts: HostFacts): string[];
  /** The commands that show the rest. */
  commands: string[];
}

/** A swarm item the facts cannot decide: manual guidance on a swarm node (see swarmManual). */
export function swarmManualItem(spec: SwarmManualSpec): Rule {
  return manualItem({ ...spec, check: (facts) => swarmManual(facts, spec.message, spec.shown?.(facts) ?? [], ...spec.commands) });
}
