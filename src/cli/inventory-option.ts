// The options a command that works on an Ansible inventory shares (audit, ansible): how many
// hosts at once, and the flags that name one host, which an inventory cannot be combined with.
import { Option } from 'commander';
import { UserError } from '../core/errors.js';

/** Enough to hide SSH latency; low enough not to load a jump host or the machine running this. */
const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

export function concurrencyOption(): Option {
  return new Option('--concurrency <n>', `with --inventory: inspect at most N hosts at once (1-${MAX_CONCURRENCY})`)
    .default(DEFAULT_CONCURRENCY)
    .argParser(parseConcurrency);
}

export function parseConcurrency(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_CONCURRENCY)) throw new UserError(`--concurrency takes a whole number from 1 to ${MAX_CONCURRENCY}, not "${value}".`);
  return n;
}

/** An inventory names its hosts: --ssh (or DOCKER_HOST=ssh://), --root and --from name one host. */
export function checkInventoryUse(raw: { ssh?: string; root?: string; from?: string; dockerHost?: string }, env = process.env): void {
  const sshHost = raw.ssh ?? [raw.dockerHost, env.DOCKER_HOST].find((h) => h?.startsWith('ssh://'));
  const other = sshHost ? (raw.ssh ? '--ssh' : 'an ssh:// Docker host') : raw.root !== undefined ? '--root' : raw.from !== undefined ? '--from' : undefined;
  if (other) throw new UserError(`--inventory names the hosts to inspect, so it cannot be combined with ${other}.`, 'Leave one of them out.');
}
