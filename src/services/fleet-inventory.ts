// An inventory file read for a fleet command: bounded, parsed as Ansible reads it, and each host
// turned into the SSH connection Ansible would make from its variables. A host whose connection
// docker-harden cannot make (another connection plugin, a Jinja template) is kept with the reason,
// so the report names it; a variable that is plainly wrong (a port of "abc") stops the run.
import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { inventoryError } from '../inventory/inventory-error.js';
import { MAX_INVENTORY_BYTES, parseInventory } from '../inventory/parse-inventory.js';
import type { Vars } from '../inventory/inventory.js';
import { sshTargetFromInventory, sshUrl, type SshTarget } from '../probes/remote/ssh-target.js';

export interface FleetMember {
  /** The inventory name. */
  name: string;
  /** Every variable of the host, after group inheritance. */
  vars: Vars;
  /** ssh://user@host:port, or the inventory name where there is no SSH connection. */
  url: string;
  target?: SshTarget;
  /** Why the host cannot be inspected over SSH (target is then absent). */
  unsupported?: string;
}

const SSH_CONNECTIONS = new Set(['ssh', 'smart', 'paramiko', 'paramiko_ssh', 'ansible.builtin.ssh', 'ansible.builtin.paramiko_ssh']);
const CONNECTION_VARS = ['ansible_host', 'ansible_port', 'ansible_user', 'ansible_ssh_private_key_file', 'ansible_ssh_common_args'];
/** Older spellings Ansible still reads, used where the current one is absent. */
const ALIASES: Record<string, string> = { ansible_ssh_host: 'ansible_host', ansible_ssh_port: 'ansible_port', ansible_ssh_user: 'ansible_user' };

export function readFleetInventory(file: string): FleetMember[] {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) throw new UserError(`The inventory ${file} does not exist.`, 'Give --inventory an Ansible inventory file (INI or YAML).');
  if (!st.isFile()) throw new UserError(`The inventory ${file} is not a file.`, 'Give --inventory one inventory file (INI or YAML).');
  if (st.size > MAX_INVENTORY_BYTES) throw inventoryError(file, undefined, `it is larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MiB`);
  const inventory = parseInventory(readFileSync(file, 'utf8'), file);
  if (inventory.hosts.length === 0) throw new UserError(`The inventory ${file} names no hosts.`, 'Add hosts to it, as for ansible-playbook.');
  return inventory.hosts.map((h) => member(file, h.name, h.vars));
}

function member(file: string, name: string, vars: Vars): FleetMember {
  const connection = vars.ansible_connection;
  if (typeof connection === 'string' && !SSH_CONNECTIONS.has(connection))
    return { name, vars, url: name, unsupported: `${name} uses ansible_connection=${connection}, and docker-harden inspects hosts over SSH only.` };
  const conn = connectionVars(vars);
  const templated = CONNECTION_VARS.find((k) => typeof conn[k] === 'string' && (conn[k] as string).includes('{{'));
  if (templated) return { name, vars, url: name, unsupported: `The ${templated} of ${name} is a Jinja template, which docker-harden does not evaluate.` };
  try {
    const target = sshTargetFromInventory(name, conn);
    return { name, vars, url: sshUrl(target), target };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    throw new UserError(
      `The inventory ${file} gives ${name} a connection docker-harden cannot use: ${err.message}`,
      err.hint ?? 'Correct its ansible_host, ansible_user or ansible_port.',
    );
  }
}

function connectionVars(vars: Vars): Record<string, unknown> {
  const conn: Record<string, unknown> = {};
  for (const key of CONNECTION_VARS) if (vars[key] !== undefined) conn[key] = vars[key];
  for (const [old, current] of Object.entries(ALIASES)) if (conn[current] === undefined && vars[old] !== undefined) conn[current] = vars[old];
  // ansible_ssh_extra_args go on the same command line as the common ones.
  const extra = [vars.ansible_ssh_common_args, vars.ansible_ssh_extra_args].filter((v) => typeof v === 'string' && v !== '');
  if (extra.length) conn.ansible_ssh_common_args = extra.join(' ');
  return conn;
}
