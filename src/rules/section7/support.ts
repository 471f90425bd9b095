// Swarm items apply only where this engine is an active swarm node; most cluster settings are
// visible only on managers.
import type { EngineObject, HostFacts } from '../../facts/host-facts.js';
import type { CheckResult } from '../rule.js';
import { engineGate } from '../section5/support.js';

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
