// `audit --inventory FILE`: every host of an Ansible inventory inspected over SSH (bounded
// concurrency), audited with the same rules, selection and waivers, and reported as one fleet:
// a row per host, the rules failing on the most hosts, and results that each carry their host.
// Exit 1 when a host fails at or over --fail-on, or when a host could not be audited (unless
// allowUnreachable): a host nobody looked at has not passed.
import type { GlobalOptions } from './options.js';
import type { Output } from './output.js';
import type { Rule, Severity } from '../rules/rule.js';
import type { Waiver } from '../audit/findings.js';
import { ExitCodeError, UserError } from '../core/errors.js';
import { allRules } from '../rules/catalog.js';
import { runAudit } from '../audit/run-audit.js';
import { unmatchedSelectors, type RuleSelection } from '../audit/selection.js';
import type { FleetHost } from '../fleet/fleet-host.js';
import { fleetFormat, formatFleet } from '../fleet/fleet-format.js';
import { fleetVerdict, verdictSentence } from '../fleet/fleet-summary.js';
import { checkOutputPath, writeOutputFiles } from './output-file.js';
import { engineStatus } from './engine-status.js';
import { readFleetInventory } from './fleet-inventory.js';
import { inspectFleet } from './fleet-inspect.js';

export interface FleetAuditOptions extends GlobalOptions {
  inventory: string;
  concurrency: number;
  /** Hosts that could not be audited do not fail the run (they are still reported). */
  allowUnreachable: boolean;
  format: string;
  failOn: Severity | 'none';
  output?: string;
  selection?: RuleSelection;
  waivers?: readonly Waiver[];
  rules?: readonly Rule[];
  deep?: boolean;
  now?: Date;
}

export async function fleetAuditService(opts: FleetAuditOptions, output: Output): Promise<FleetHost[]> {
  const format = fleetFormat(opts.format);
  const rules = opts.rules ?? allRules;
  const unknown = opts.selection ? unmatchedSelectors(rules, opts.selection) : [];
  if (unknown.length > 0)
    throw new UserError(
      `No rule has the id or prefix ${unknown.map((s) => `"${s}"`).join(', ')}.`,
      'Ids are CIS Docker Benchmark v1.8.0 ids, e.g. 2.5, 1.1 or 5.',
    );
  if (opts.output) checkOutputPath(opts.output, '--output');
  const members = readFleetInventory(opts.inventory);

  const inspected = await inspectFleet(members, opts);
  const hosts: FleetHost[] = inspected.map((h) =>
    'facts' in h
      ? {
          host: h.name,
          target: h.url,
          report: { ...runAudit(h.facts, rules, { selection: opts.selection, waivers: opts.waivers, now: opts.now }), engine: engineStatus(h.facts, opts) },
        }
      : { host: h.name, target: h.url, failure: h.failure },
  );

  const text = formatFleet(hosts, format, opts.inventory);
  if (opts.output) {
    await writeOutputFiles([{ file: opts.output, content: `${text}\n`, mode: 0o644 }], '--output');
    output.err(`Wrote the ${format} report of ${hosts.length} hosts to ${opts.output}.`);
  } else {
    output.out(text);
  }

  const sentence = verdictSentence(fleetVerdict(hosts, opts.failOn, opts.allowUnreachable), opts.failOn);
  if (sentence) throw new ExitCodeError(1, sentence);
  return hosts;
}
