// One profile file from text to a validated ProfileFile: YAML syntax, then the published schema,
// then what a schema cannot say (benchmark ids, calendar dates, repeated waivers, soft <= hard).
// Every failure is one UserError sentence naming the file, the line and the path in it.
import { UserError } from '../core/errors.js';
import { describeSchemaError, formatPath } from './describe-error.js';
import { canonicalRuleId } from './rule-ids.js';
import { firstSchemaError } from './schema.js';
import type { ProfileFile, Waiver } from './types.js';
import { parseYamlSource, type PathSegment } from './yaml-source.js';

export interface ParsedProfile {
  profile: ProfileFile;
  /** `display` and the line of a path in the file, as messages start: "site.yaml line 3". */
  where(path: PathSegment[]): string;
}

/** `display` is how the file is named in messages (a path relative to the cwd where possible). */
export function parseProfileText(text: string, display: string): ParsedProfile {
  const parsed = parseYamlSource(text);
  if (!parsed.ok) throw new UserError(`${at(display, parsed.line)}: YAML syntax error: ${parsed.message}`);
  const { source } = parsed;
  const fail = (path: PathSegment[], message: string, where: 'key' | 'value' = 'value'): never => {
    throw new UserError(`${at(display, source.lineOf(path, where))}: ${message}`);
  };

  if (source.data === null || source.data === undefined) {
    throw new UserError(`${display}: the profile is empty (expected a mapping with at least a name)`);
  }
  const error = firstSchemaError(source.data);
  if (error) {
    const described = describeSchemaError(error, source.data);
    fail(described.path, described.message, described.at);
  }
  const profile = source.data as ProfileFile;
  return { profile: { ...profile, ...canonicalIds(profile, fail) }, where: (path) => at(display, source.lineOf(path)) };
}

type Fail = (path: PathSegment[], message: string) => never;

function canonicalIds(profile: ProfileFile, fail: Fail): Pick<ProfileFile, 'select' | 'waivers'> {
  const canonical = (path: PathSegment[], ref: string): string =>
    canonicalRuleId(ref) ?? fail(path, `${formatPath(path)} ${JSON.stringify(ref)} is not a CIS Docker Benchmark rule id`);

  const select = profile.select && { ...profile.select };
  for (const field of ['include', 'exclude'] as const) {
    const refs = select?.[field];
    if (select && refs) select[field] = refs.map((ref, i) => canonical(['select', field, i], ref));
  }

  const seen = new Map<string, number>();
  const waivers = profile.waivers?.map((w, i): Waiver => {
    const id = canonical(['waivers', i, 'id'], w.id);
    const earlier = seen.get(id);
    if (earlier !== undefined) fail(['waivers', i, 'id'], `waivers[${i}].id ${JSON.stringify(w.id)} waives the same rule as waivers[${earlier}]`);
    seen.set(id, i);
    if (w.expires !== undefined && !isCalendarDate(w.expires)) {
      fail(['waivers', i, 'expires'], `waivers[${i}].expires must be a date written YYYY-MM-DD (got ${JSON.stringify(w.expires)})`);
    }
    return { ...w, id };
  });

  for (const [name, limit] of Object.entries(profile.params?.defaultUlimits ?? {})) {
    if (limit && limit.hard !== -1 && (limit.soft === -1 || (limit.soft ?? 0) > (limit.hard ?? 0))) {
      const path = ['params', 'defaultUlimits', name, 'soft'];
      fail(path, `${formatPath(path)} must not exceed the hard limit (got ${limit.soft} > ${limit.hard})`);
    }
  }
  return { select, waivers };
}

/** "2027-02-30" matches the pattern but is no day. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function at(display: string, line: number | undefined): string {
  return line === undefined ? display : `${display} line ${line}`;
}
