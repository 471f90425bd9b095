// Flag values read into typed audit options. An unknown value is a UserError naming the choices.
import { UserError } from '../core/errors.js';
import type { Severity } from '../rules/rule.js';
import { SEVERITIES } from './findings.js';

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
