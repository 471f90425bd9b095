// What `docker inspect` shows once a `docker update` step has run: the HostConfig fields each flag
// sets, in the engine's own units. The playbook compares them with the container's current
// HostConfig and runs the update only where they differ, so a second run changes nothing.
import { UserError } from '../core/errors.js';
import type { PlanStep } from '../plan-model/plan.js';
import { updateFlags, updatedContainer } from '../plan/container-advice.js';

export type HostConfigExpectation = Record<string, number | string | { Name: string; MaximumRetryCount: number }>;

export interface ContainerUpdate {
  container: string;
  /** The docker CLI words after the engine's own (`docker [-H ...]`): update, the flags, the container. */
  args: string[];
  expect: HostConfigExpectation;
}

/** The plan's `docker update` steps, each with the HostConfig it leaves behind. */
export function containerUpdates(steps: readonly PlanStep[]): ContainerUpdate[] {
  return steps.flatMap((step) => {
    const container = updatedContainer(step);
    if (container === null) return [];
    const at = step.command.indexOf('update');
    const expect: HostConfigExpectation = {};
    for (const [flag, value] of Object.entries(updateFlags(step))) Object.assign(expect, fieldsOf(flag, value, container));
    return [{ container, args: step.command.slice(at), expect }];
  });
}

function fieldsOf(flag: string, value: string, container: string): HostConfigExpectation {
  switch (flag) {
    case 'memory':
      return { Memory: bytes(value, flag) };
    case 'memory-swap':
      // -1 is "unlimited swap", which the engine records as it is.
      return { MemorySwap: value === '-1' ? -1 : bytes(value, flag) };
    case 'cpu-shares':
      return { CpuShares: integer(value, flag) };
    case 'pids-limit':
      return { PidsLimit: integer(value, flag) };
    case 'restart': {
      const [name, count] = value.split(':');
      return { RestartPolicy: { Name: name, MaximumRetryCount: count === undefined ? 0 : integer(count, flag) } };
    }
    default:
      // Without the field it sets, the task could not tell a done update from one still to do.
      throw new UserError(
        `The plan updates container ${container} with --${flag}, which the playbook cannot check before it runs docker update.`,
        'Leave that rule out of the profile for the playbook, or apply the plan with docker-harden apply.',
      );
  }
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** docker's own reading of a size ("512m", "1g", "1.5GiB"): binary multiples, as the engine stores them. */
export function bytes(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(text.trim());
  if (!m) throw new UserError(`--${flag}=${text} is not a size docker reads.`, 'Give sizes as docker run does: 512m, 1g.');
  return Math.floor(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]);
}

function integer(text: string, flag: string): number {
  if (!/^-?\d+$/.test(text)) throw new UserError(`--${flag}=${text} is not a whole number.`, 'Correct the value in the profile.');
  return Number(text);
}
