// Which reader an inventory file gets, as Ansible chooses: .yml/.yaml/.json are YAML, .ini is INI,
// and a file with another name is YAML if it reads as a YAML mapping of groups, else INI. Every
// failure becomes one sentence naming the file and the line.
import { UserError } from '../core/errors.js';
import { InventoryProblem, inventoryError } from './inventory-error.js';
import type { Inventory } from './inventory.js';
import { parseIniInventory } from './ini-inventory.js';
import { parseYamlInventory } from './yaml-inventory.js';

/** Far more than any real inventory; a bound so a wrong file given by mistake is refused at once. */
export const MAX_INVENTORY_BYTES = 4 * 1024 * 1024;

export type InventoryFormat = 'ini' | 'yaml';

export function inventoryFormat(file: string, text: string): InventoryFormat {
  if (/\.(ya?ml|json)$/i.test(file)) return 'yaml';
  if (/\.ini$/i.test(file)) return 'ini';
  // An INI file starts with a [section] or a host line; a YAML one with `group:`.
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !/^\s*[#;]/.test(l)) ?? '';
  return /^(---|\{|[^\s=[]+:\s*(#.*)?$)/.test(first.trim()) && !/^\[/.test(first.trim()) ? 'yaml' : 'ini';
}

export function parseInventory(text: string, file: string): Inventory {
  if (Buffer.byteLength(text) > MAX_INVENTORY_BYTES) throw inventoryError(file, undefined, `it is larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MiB`);
  try {
    return inventoryFormat(file, text) === 'yaml' ? parseYamlInventory(text) : parseIniInventory(text);
  } catch (err) {
    if (err instanceof InventoryProblem) throw inventoryError(file, err.line, err.message);
    if (err instanceof UserError) throw err;
    // The yaml library's own limits (alias count, nesting) end up here.
    if (err instanceof Error && !(err instanceof TypeError)) throw inventoryError(file, undefined, err.message);
    throw err;
  }
}
