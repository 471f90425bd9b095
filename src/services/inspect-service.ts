// `inspect`: gather facts (or replay them), then print a summary, the JSON, or save them.
import type { GlobalOptions } from '../cli/context.js';
import type { Output } from '../cli/output.js';
import type { HostFacts } from '../facts/host-facts.js';
import { loadFacts } from './facts-source.js';
import { writeFactsFile } from '../facts/facts-file.js';

export interface InspectOptions extends GlobalOptions {
  save?: string;
  json: boolean;
  deep?: boolean;
}

export async function inspectService(opts: InspectOptions, output: Output): Promise<HostFacts> {
  const facts = await loadFacts(opts);
  if (opts.save) {
    await writeFactsFile(opts.save, facts);
    output.err(`Saved facts to ${opts.save}.`);
  }
  output.out(opts.json ? JSON.stringify(facts, null, 2) : summarizeFacts(facts));
  return facts;
}

/** One header line, then one line per probe: its name, its status and what it saw. */
export function summarizeFacts(facts: HostFacts): string {
  const origin = facts.source === 'file' ? 'saved facts' : 'this host';
  const lines = [`Host ${facts.hostname} (root ${facts.root}), from ${origin} at ${facts.collectedAt}`];
  const probes = Object.entries(facts.probes);
  const width = Math.max(14, ...probes.map(([name]) => name.length)) + 2;
  for (const [name, probe] of probes) {
    lines.push(`  ${name.padEnd(width)}${probe.status.padEnd(19)}${probe.message ?? ''}`.trimEnd());
  }
  if (probes.length === 0) lines.push('  (no probe results recorded)');
  return lines.join('\n');
}
