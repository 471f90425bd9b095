// Which inventory host a facts file is about: `--from NAME=FILE` names it, a plain `--from FILE`
// takes the facts' own hostname. The name becomes a file name (host_vars/<name>.yml) and a key in
// the inventory, so it is held to what both take safely.
import { UserError } from '../core/errors.js';

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}$/;

export function isInventoryName(name: string): boolean {
  return NAME.test(name) && !name.includes('..');
}

/** "web1=facts/web1.json" -> { name, file }; "facts/web1.json" -> { file } (the facts name the host). */
export function splitFromArgument(arg: string): { name?: string; file: string } {
  const at = arg.indexOf('=');
  const name = at > 0 ? arg.slice(0, at) : '';
  // A path with "=" in it still reads as a path where the part before it cannot be a host name.
  if (at > 0 && !name.includes('/') && isInventoryName(name)) return { name, file: arg.slice(at + 1) };
  return { file: arg };
}

export function inventoryName(given: string | undefined, hostname: string, file: string): string {
  const name = given ?? hostname;
  if (isInventoryName(name)) return name;
  if (given === undefined)
    throw new UserError(
      `The facts in ${file} name the host ${JSON.stringify(hostname)}, which cannot be an inventory name.`,
      `Name it yourself: --from NAME=${file} (letters, digits, ".", "_" and "-").`,
    );
  throw new UserError(`${JSON.stringify(name)} cannot be an inventory name.`, 'Use letters, digits, ".", "_" and "-".');
}

/** Two facts files for one name would make one host_vars file overwrite the other. */
export function assertUniqueNames(hosts: readonly { name: string; file: string }[]): void {
  const seen = new Map<string, string>();
  for (const h of hosts) {
    const other = seen.get(h.name);
    if (other !== undefined) throw new UserError(`${other} and ${h.file} are both about host ${h.name}.`, `Name them apart: --from NAME=FILE for each.`);
    seen.set(h.name, h.file);
  }
}
