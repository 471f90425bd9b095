// `ansible`: each host's facts + the profile -> that host's plan (the same buildPlan every command
// uses) -> one playbook for all of them and a host_vars file each, written into the output directory.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GlobalOptions } from '../services/options.js';
import type { Output } from '../services/output.js';
import { ExitCodeError, UserError } from '../core/errors.js';
import { readFactsFile } from '../facts/facts-file.js';
import type { HostFacts } from '../facts/host-facts.js';
import { planBlockers } from '../plan-model/plan.js';
import { assertUniqueNames, inventoryName, splitFromArgument } from '../ansible/inventory-name.js';
import { INVENTORY_FILE, playbookFiles, type AnsibleHostInput } from '../ansible/playbook-files.js';
import { PLAYBOOK_FILE } from '../ansible/readme.js';
import { makePlan } from './plan-source.js';
import { writeOutputFiles } from './output-file.js';
import { inventoryFacts, type InventoryFacts } from './ansible-fleet.js';

export interface AnsibleServiceOptions extends GlobalOptions {
  profile: string;
  /** Every --from, in order: FILE or NAME=FILE. */
  fromFiles: string[];
  outputDir: string;
  /** Inspect the hosts of this Ansible inventory over SSH instead of reading --from files. */
  inventory?: string;
  concurrency?: number;
  /** A host that cannot be inspected is left out without making the exit code 1. */
  allowUnreachable?: boolean;
}

/** One host: its inventory name and its facts (from a file now; from an inventory and SSH later). */
export interface AnsibleHostFacts {
  name: string;
  /** Where the facts came from, for messages. */
  origin: string;
  facts: HostFacts;
}

export async function ansibleService(opts: AnsibleServiceOptions, output: Output): Promise<void> {
  if (opts.fromFiles.length === 0 && !opts.inventory)
    throw new UserError(
      'ansible needs the facts of at least one host.',
      'Save them with `docker-harden inspect --save FILE` and pass --from FILE (or --from NAME=FILE).',
    );
  checkOutputDir(opts.outputDir);
  const fleet = opts.inventory ? await inventoryFacts(opts.inventory, { ...opts, concurrency: opts.concurrency ?? 4 }, output) : undefined;
  if (fleet && fleet.hosts.length === 0) throw new ExitCodeError(1, `No host of ${opts.inventory} could be inspected, so nothing was written.`);
  const hosts = fleet ? fleet.hosts : await factsOfHosts(opts.fromFiles);
  const inputs: AnsibleHostInput[] = [];
  for (const host of hosts) inputs.push({ name: host.name, facts: host.facts, plan: await hostPlan(host, opts) });
  const files = withInventory(playbookFiles(inputs), fleet);
  try {
    mkdirSync(path.join(opts.outputDir, 'host_vars'), { recursive: true });
  } catch (err) {
    throw new UserError(
      `Cannot write the playbook into ${opts.outputDir} (${(err as NodeJS.ErrnoException).code ?? String(err)}).`,
      'Choose a writable directory for --output.',
    );
  }
  await writeOutputFiles(
    files.map((f) => ({ file: path.join(opts.outputDir, f.path), content: f.content, mode: 0o644 })),
    '--output',
  );
  output.err(
    `Wrote ${PLAYBOOK_FILE}, ${INVENTORY_FILE}, README.md and host_vars for ${inputs.map((h) => h.name).join(', ')} in ${opts.outputDir}: ` +
      `review with ansible-playbook -i ${path.join(opts.outputDir, INVENTORY_FILE)} ${path.join(opts.outputDir, PLAYBOOK_FILE)} --check --diff.`,
  );
  if (fleet?.leftOut.length && !opts.allowUnreachable)
    throw new ExitCodeError(1, `${fleet.leftOut.length} of the inventory's hosts left out of the playbook (${fleet.leftOut.map((h) => h.name).join(', ')}).`);
}

/** From an inventory, the playbook's inventory keeps the user's names and variables. */
function withInventory<T extends { path: string; content: string }>(files: T[], fleet: InventoryFacts | undefined): T[] {
  if (!fleet) return files;
  const names = fleet.hosts.map((h) => h.name);
  return files.map((f) => (f.path === INVENTORY_FILE ? { ...f, content: fleet.inventoryText(names) } : f));
}

async function factsOfHosts(fromFiles: readonly string[]): Promise<AnsibleHostFacts[]> {
  const hosts: AnsibleHostFacts[] = [];
  for (const arg of fromFiles) {
    const { name, file } = splitFromArgument(arg);
    const resolved = path.resolve(file);
    const facts = await readFactsFile(resolved);
    hosts.push({ name: inventoryName(name, facts.hostname, file), origin: file, facts });
  }
  assertUniqueNames(hosts.map((h) => ({ name: h.name, file: h.origin })));
  return hosts;
}

/**
 * The host's plan exactly as `plan --from` makes it. Each host's files are its own: the plan is
 * made under the root its facts were taken under, and the playbook writes under docker_harden_root.
 */
async function hostPlan(host: AnsibleHostFacts, opts: AnsibleServiceOptions) {
  const root = host.facts.root ?? '/';
  const { plan } = await makePlan({ ...opts, from: host.origin, root, rootGiven: true, profile: opts.profile }, host.facts);
  const blockers = planBlockers(plan);
  if (blockers.length)
    throw new UserError(`${host.name}: ${blockers[0].text}`, 'Nothing was written. Fix that on the host, take its facts again, then run again.');
  return plan;
}

function checkOutputDir(dir: string): void {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (st && !st.isDirectory()) throw new UserError(`Cannot write the playbook into ${dir}: it is not a directory.`, 'Name a directory for --output.');
  if (!st && !statSync(path.dirname(path.resolve(dir)), { throwIfNoEntry: false })?.isDirectory())
    throw new UserError(`Cannot write the playbook into ${dir}: its parent directory does not exist.`, 'Create it first, or name another directory.');
}
