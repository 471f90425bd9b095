// Flag values read into typed audit options. An unknown value is a UserError naming the choices.
import { UserError } from '../core/errors.js';
import type { Severity } from '../rules/rule.js';
import { SEVERITIES, type FindingStatus } from './findings.js';
import { STATUS_ORDER } from './table-rows.js';

export { parseReportFormat } from './format.js';

export function parseSeverity(value: string, flag = '--fail-on'): Severity {
  const severity = SEVERITIES.find((s) => s === value.trim().toLowerCase());
  if (!severity) throw new UserError(`Unknown severity "${value}".`, `Use ${flag} with one of: ${[...SEVERITIES].reverse().join(', ')}.`);
  return severity;
}

export function parseLevel(value: string): 1 | 2 {
  const level = value.trim().replace(/^L/i, '');
  if (level === '1' || level === '2') return Number(level) as 1 | 2;
  throw new UserError(`Unknown CIS level "${value}".`, 'Use --level 1 (Level 1 items only) or --level 2 (both levels).');
}

/** "2.5, 5 ,1.1" → ["2.5", "5", "1.1"]; repeated flags are joined. */
export function parseIdList(values: string | readonly string[] | undefined): string[] {
  const list = typeof values === 'string' ? [values] : (values ?? []);
  const ids = list
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const bad = ids.find((id) => !/^\d+(\.\d+)*$/.test(id));
  if (bad) throw new UserError(`"${bad}" is not a benchmark id or section.`, 'Give ids like 2.5, prefixes like 1.1, or section numbers like 5.');
  return ids;
}

/** Other spellings of a status: the table's own label, and the common word for an item that does not apply. */
const STATUS_ALIASES = new Map<string, FindingStatus>([
  ['n/a', 'not-applicable'],
  ['na', 'not-applicable'],
  ['skip', 'not-applicable'],
]);

/** "fail,warn" → ['fail', 'warn'] for --only; repeated flags are joined, duplicates dropped. */
export function parseStatusList(values: string | readonly string[]): FindingStatus[] {
  const words = (typeof values === 'string' ? [values] : values)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  if (words.length === 0) throw new UserError('--only needs at least one status.', `Use --only with one or more of: ${STATUS_ORDER.join(', ')}.`);
  const statuses = words.map((w) => {
    const status = STATUS_ORDER.find((s) => s === w) ?? STATUS_ALIASES.get(w);
    if (!status) throw new UserError(`Unknown status "${w}".`, `Use --only with one or more of: ${STATUS_ORDER.join(', ')} (comma-separated).`);
    return status;
  });
  return [...new Set(statuses)];
}
