// `--recreate[=NAME,...]` for plan and apply: the profile's `recreate: standalone` for this run.
// Bare, it covers every standalone container; with names, only those, and --rm containers only
// this way (stopping one deletes it, so a person must ask for it by name).
import { Option } from 'commander';
import { UserError } from '../core/errors.js';

/** What the services take: every eligible container ({}), or the named ones. */
export type RecreateFlag = { names?: string[] };

// Docker's own rule for container names.
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function parseRecreate(value: string | true | undefined): RecreateFlag | undefined {
  if (value === undefined) return undefined;
  if (value === true) return {};
  const names = value.split(',').map((n) => n.trim().replace(/^\//, ''));
  const bad = names.find((n) => !NAME.test(n));
  if (bad !== undefined) {
    throw new UserError(
      `--recreate takes container names separated by commas, and "${bad}" is not one.`,
      'Write --recreate=web,db, or --recreate alone for every standalone container.',
    );
  }
  return { names: [...new Set(names)] };
}

export function recreateOption(): Option {
  return new Option(
    '--recreate [names]',
    'recreate standalone containers hardened (apply runs it health-gated and reverts a container that fails); =NAME,... limits it to those, --rm ones included',
  );
}
