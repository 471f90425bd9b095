// `inspect`: gather facts (or replay them), then print a summary, the JSON, or save them.
import type { GlobalOptions } from '../cli/context.js';
import type { Output } from '../cli/output.js';
import type { HostFacts } from '../facts/host-facts.js';
import { loadFacts } from './facts-source.js';
import { writeFactsFile } from '../facts/facts-file.js';

export interface InspectOptions extends GlobalOptions {
  save?: string;
  json: boolean;
}

export async function inspectService(opts: InspectOptions, output: Output): Promise<HostFacts> {
  const facts = await loadFacts(opts);
  if (opts.save) {
    await writeFactsFile(opts.save, facts);
    output.err(`Saved facts to ${opts.save}.`);
  }
  if (opts.json) output.out(JSON.stringify(facts, null, 2));
  else if (!opts.save) output.out(summarizeFacts(facts));
  return facts;
}

export function summarizeFacts(facts: HostFacts): string {
  const lines: string[] = [`Host ${facts.hostname} (root ${facts.root}), facts from ${facts.source} at ${facts.collectedAt}`];
  for (const [name, probe] of Object.entries(facts.probes)) {
    const mark = probe.status === 'ok' ? 'ok' : probe.status;
    lines.push(`  ${name.padEnd(16)} ${mark}${probe.message ? ` — ${probe.message}` : ''}`);
  }
  if (facts.engine) {
    const e = facts.engine;
    lines.push(
      `Engine ${e.version.Version ?? '?'} (API ${e.version.ApiVersion ?? '?'}) at ${e.host}: ` +
        `${e.containers.length} containers, ${e.images.length} images, ${e.networks.length} networks`,
    );
  }
  lines.push(`daemon.json ${facts.daemonJson.path}: ${facts.daemonJson.raw === null ? 'absent' : facts.daemonJson.parseError ? `invalid (line ${facts.daemonJson.parseError.line}: ${facts.daemonJson.parseError.message})` : 'ok'}`);
  lines.push(`dockerd process: ${facts.dockerd ? `pid ${facts.dockerd.pid} ${facts.dockerd.argv.join(' ')}` : 'not running'}`);
  lines.push(`compose projects: ${facts.compose.map((p) => p.name).join(', ') || 'none'}`);
  return lines.join('\n');
}
