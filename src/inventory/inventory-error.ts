// Every way an inventory can fail to read is one sentence that names the file and the line, so
// the user can open the file at the place to fix. Exit 2, nothing written (a UserError).
import { UserError } from '../core/errors.js';

const HINT = 'Fix that line; docker-harden reads inventories as Ansible does (INI, or YAML with all: hosts/children/vars).';

export function inventoryError(file: string, line: number | undefined, problem: string): UserError {
  const where = line === undefined ? `The inventory ${file}` : `The inventory ${file}, line ${line},`;
  return new UserError(`${where} does not parse: ${problem.replace(/\.$/, '')}.`, HINT);
}

/** A problem found while building the inventory, before the reader knows the file; it adds the file. */
export class InventoryProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'InventoryProblem';
  }
}

/** Text a user wrote, quoted safely inside a message: no control characters reach the terminal. */
export function shown(text: string, max = 60): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max)}…` : clean);
}
