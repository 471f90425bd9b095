// `--fail-on`, the same option for every command that ends in exit 1 on findings (audit,
// dockerfile): the same levels, the same default, the same error for a level it does not know.
import { Option } from 'commander';
import { UserError } from '../core/errors.js';

/** From the least to the most severe; `none` never fails the run. */
export const FAIL_ON_LEVELS = ['info', 'low', 'medium', 'high', 'critical', 'none'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export function parseFailOn(value: string): FailOn {
  const level = FAIL_ON_LEVELS.find((l) => l === value.trim().toLowerCase());
  if (!level) throw new UserError(`--fail-on does not take "${value}".`, `Use one of: ${FAIL_ON_LEVELS.slice(0, -1).join(', ')}, or none.`);
  return level;
}

export function failOnOption(): Option {
  return new Option('--fail-on <level>', `exit 1 when a failing finding is at least this severe: ${FAIL_ON_LEVELS.slice(0, -1).join(', ')}, or none (never)`)
    .default('high')
    .argParser(parseFailOn);
}

/**
 * Audit findings are low at the least, so `info` fails on any of them, as `low` does; `none`
 * stays `none`, which the audit never fails on.
 */
export function auditThreshold(level: FailOn): Exclude<FailOn, 'info'> {
  return level === 'info' ? 'low' : level;
}
