// `ansible --inventory FILE`: the facts of every inventory host, taken over SSH a bounded number
// at a time, for the playbook; and the playbook's own inventory, which keeps each host's
// inventory name and every variable the user's inventory gives it (connection variables and
// handler overrides alike), so `ansible-playbook -i DIR/inventory.yml` reaches the same hosts.
import { Document } from 'yaml';
import { UserError } from '../core/errors.js';
import { isInventoryName } from '../ansible/inventory-name.js';
import type { Output } from './output.js';
import type { HostFacts } from '../facts/host-facts.js';
import { readFleetInventory, type FleetMember } from './fleet-inventory.js';
import { inspectFleet, type FleetInspectOptions } from './fleet-inspect.js';

export interface InventoryFacts {
  /** The hosts inspected: inventory name, where they were reached, their facts. */
  hosts: { name: string; origin: string; facts: HostFacts }[];
  /** Hosts that could not be inspected, each with its sentence; they are left out of the playbook. */
  leftOut: { name: string; message: string }[];
  /** The playbook's inventory.yml for the hosts it covers. */
  inventoryText(names: readonly string[]): string;
}

export async function inventoryFacts(file: string, opts: FleetInspectOptions, output: Output): Promise<InventoryFacts> {
  const members = readFleetInventory(file);
  // The name becomes host_vars/<name>.yml: refuse before connecting to anything.
  const bad = members.find((m) => !isInventoryName(m.name));
  if (bad)
    throw new UserError(
      `The inventory ${file} names the host ${JSON.stringify(bad.name)}, which cannot be a host_vars file name.`,
      'Give it a name of letters, digits, ".", "_" and "-" and set ansible_host.',
    );
  const inspected = await inspectFleet(members, opts);
  const leftOut: InventoryFacts['leftOut'] = [];
  const hosts: InventoryFacts['hosts'] = [];
  for (const h of inspected) {
    if ('facts' in h) hosts.push({ name: h.name, origin: h.url, facts: h.facts });
    else {
      leftOut.push({ name: h.name, message: h.failure.message });
      output.err(`${h.name} is left out of the playbook: ${h.failure.message}`);
    }
  }
  const byName = new Map(members.map((m) => [m.name, m]));
  return { hosts, leftOut, inventoryText: (names) => inventoryYaml(names.map((n) => byName.get(n)!)) };
}

function inventoryYaml(members: readonly FleetMember[]): string {
  const hosts = Object.fromEntries(members.map((m) => [m.name, { ...m.vars }]));
  const header = '# The hosts of the inventory the playbook was made from, with the variables it gives each of them.\n';
  return header + new Document({ all: { children: { docker_harden: { hosts } } } }, { version: '1.1' }).toString({ lineWidth: 0 });
}
