// `inspect`: gather facts (or replay them), then print a summary, the JSON, or save them.
import type { GlobalOptions } from '../services/options.js';
import type { Output } from '../services/output.js';
import type { HostFacts } from '../facts/host-facts.js';
import { loadFacts } from './facts-source.js';
import { factsJson, writeFactsFile } from '../facts/facts-file.js';
import { requireEngine } from './engine-status.js';
import { checkOutputPath } from './output-file.js';
import { UserError } from '../core/errors.js';
import { terminalText } from '../core/terminal-text.js';

export interface InspectOptions extends GlobalOptions {
  save?: string;
  json: boolean;
  deep?: boolean;
}

export async function inspectService(opts: InspectOptions, output: Output): Promise<HostFacts> {
  if (opts.save) checkOutputPath(opts.save, '--save');
  const facts = await loadFacts({ ...opts, allowUnreachableEngine: true });
  // Facts without the engine they should have would only be refused later, by whoever reads them.
  if (opts.save) {
    requireEngine(facts, opts);
    await saveFacts(opts.save, facts);
    output.err(`Saved facts to ${opts.save}.`);
  }
  output.out(opts.json ? factsJson(facts) : summarizeFacts(facts));
  // What was seen is shown first: the probe lines say what did answer.
  requireEngine(facts, opts);
  return facts;
}

async function saveFacts(file: string, facts: HostFacts): Promise<void> {
  try {
    await writeFactsFile(file, facts);
  } catch (err) {
    throw new UserError(`Cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`, 'Choose a writable path for --save.');
  }
}

/** One header line, then one line per probe: its name, its status and what it saw. */
export function summarizeFacts(facts: HostFacts): string {
  const origin = facts.source === 'file' ? 'saved facts' : (facts.remote ?? 'this host');
  const lines = [`Host ${facts.hostname} (root ${facts.root}), from ${origin} at ${facts.collectedAt}`];
  const probes = Object.entries(facts.probes);
  const width = Math.max(14, ...probes.map(([name]) => name.length)) + 2;
  for (const [name, probe] of probes) {
    lines.push(`  ${name.padEnd(width)}${probe.status.padEnd(19)}${probe.message ?? ''}`.trimEnd());
  }
  if (probes.length === 0) lines.push('  (no probe results recorded)');
  return terminalText(lines.join('\n'));
}
