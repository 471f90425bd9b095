// Shared shape of the CIS section 3 items: each names files (from the facts) that must have a given
// owner or at most a given set of permission bits. Modes compare as bits: "644 or more restrictive"
// means no bit outside 0644 is set, so 0640 and 0604 pass while 0660, 0700 and 04644 fail.
import type { FileStat, HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { CheckResult, Evidence, Rule } from '../rule.js';
import { itemMeta, type ItemSpec } from '../item-rule.js';
import { fileStat, type HostPath } from '../section1/docker-paths.js';
import { formatMode as octal } from '../../core/file-mode.js';

export interface FileTarget extends HostPath {
  /** What an absent file means: nothing to check, or a configured file that is missing. */
  missing?: 'not-applicable' | 'warn';
  /** For mode rules: the bits this file may have, when it differs from the rule's. */
  maxMode?: number;
}

export interface FileRuleSpec extends ItemSpec {
  /** Files to check, or a result to return as is (not applicable, warn). */
  targets(facts: HostFacts): FileTarget[] | CheckResult;
  /** What the chown/chmod may break, put on each file-permission contribution. */
  fixImpact?: string;
  /** Extra contributions for one failing file (e.g. a systemd drop-in that makes the fix last). */
  persist?(facts: HostFacts, target: FileTarget, stat: FileStat): Contribution[];
}

export interface OwnershipSpec extends FileRuleSpec {
  group: 'root' | 'docker';
}

export interface ModeSpec extends FileRuleSpec {
  maxMode: number;
}

export { octal };

/** True when the mode has no bit outside `max` (setuid, setgid and sticky included). */
export function modeWithin(mode: number, max: number): boolean {
  return (mode & ~max) === 0;
}

/** The mode a fix sets: the current bits minus those not allowed, so nothing is loosened. */
export function tightenedMode(mode: number, max: number): number {
  return mode & max || max;
}

type Judge = (path: string, stat: FileStat, target: FileTarget) => { status: 'pass' | 'fail' | 'warn'; message: string; detail: string };
type Fix = (path: string, stat: FileStat, target: FileTarget) => Contribution;

interface Outcome {
  target?: FileTarget;
  stat?: FileStat;
  path?: string;
  result: CheckResult;
}

function evaluate(spec: FileRuleSpec, facts: HostFacts, judge: Judge): Outcome[] {
  const targets = spec.targets(facts);
  if (!Array.isArray(targets)) return [{ result: targets }];
  return targets.map((target): Outcome => {
    const origin: Evidence = { kind: 'file', detail: `${target.path} from ${target.source}`, path: target.path };
    const found = fileStat(facts, target.path);
    if (!found) {
      const probe = facts.probes.files;
      const why = probe ? `files probe ${probe.status}${probe.message ? `: ${probe.message}` : ''}` : 'files probe not collected';
      return {
        target,
        result: {
          status: 'warn',
          message: `${target.path} was not examined by the files probe.`,
          evidence: [origin, { kind: 'probe', detail: `${why}; no stat for ${target.path}`, path: target.path }],
        },
      };
    }
    const { key: path, stat } = found;
    if (stat.error) {
      return {
        target,
        result: {
          status: 'warn',
          message: `${path} could not be examined (${stat.error}).`,
          evidence: [origin, { kind: 'file', detail: `stat ${path}: ${stat.error}`, path }],
        },
      };
    }
    if (!stat.exists) {
      return target.missing === 'warn'
        ? {
            target,
            result: {
              status: 'warn',
              message: `${path} is configured (${target.source}) but does not exist.`,
              evidence: [origin, { kind: 'file', detail: `${path} does not exist`, path }],
            },
          }
        : {
            target,
            result: {
              status: 'not-applicable',
              message: `${path} does not exist on this host.`,
              evidence: [origin, { kind: 'file', detail: `${path} does not exist`, path }],
            },
          };
    }
    const verdict = judge(path, stat, target);
    return {
      target,
      stat,
      path,
      result: { status: verdict.status, message: verdict.message, evidence: [origin, { kind: 'file', detail: verdict.detail, path }] },
    };
  });
}

function isRootUser(stat: FileStat): boolean | undefined {
  if (stat.uid !== undefined) return stat.uid === 0;
  return stat.owner === undefined ? undefined : stat.owner === 'root';
}

/** root:docker also accepts root:root: it lets fewer users in, not more. */
function isGroup(stat: FileStat, group: 'root' | 'docker'): boolean | undefined {
  const isRoot = stat.gid !== undefined ? stat.gid === 0 : stat.group === undefined ? undefined : stat.group === 'root';
  if (group === 'root' || isRoot === true) return isRoot;
  return stat.group === undefined ? undefined : stat.group === 'docker';
}

function describeOwner(stat: FileStat): string {
  const who = (name: string | undefined, id: number | undefined) =>
    name !== undefined && id !== undefined ? `${name} (${id})` : (name ?? (id !== undefined ? `id ${id}` : 'unknown'));
  return `owner ${who(stat.owner, stat.uid)}, group ${who(stat.group, stat.gid)}`;
}

export function ownershipRule(spec: OwnershipSpec): Rule {
  const want = `root:${spec.group}`;
  const judge: Judge = (path, stat) => {
    const user = isRootUser(stat);
    const group = isGroup(stat, spec.group);
    const detail = `${path} ${describeOwner(stat)}`;
    if (user === undefined || group === undefined)
      return { status: 'warn', message: `The owner of ${path} could not be resolved to names, so ${want} cannot be confirmed.`, detail };
    if (user && group)
      return {
        status: 'pass',
        message:
          spec.group === 'docker' && stat.gid === 0
            ? `${path} is owned by root:root; the benchmark allows root:docker, and group root is stricter.`
            : `${path} is owned by ${want}.`,
        detail,
      };
    return { status: 'fail', message: `${path} is not owned by ${want}.`, detail };
  };
  return fileRule(spec, judge, (path) => ({ kind: 'file-permission', path, owner: 'root', group: spec.group }));
}

export function modeRule(spec: ModeSpec): Rule {
  const judge: Judge = (path, stat, target) => {
    const max = target.maxMode ?? spec.maxMode;
    if (stat.mode === undefined) return { status: 'warn', message: `The mode of ${path} is unknown.`, detail: `${path} mode unknown` };
    const detail = `${path} mode ${octal(stat.mode)} (allowed: ${octal(max)} or stricter)`;
    if (modeWithin(stat.mode, max)) return { status: 'pass', message: `${path} has mode ${octal(stat.mode)}, within ${octal(max)}.`, detail };
    return { status: 'fail', message: `${path} has mode ${octal(stat.mode)}, which sets ${octal(stat.mode & ~max)} beyond ${octal(max)}.`, detail };
  };
  return fileRule(spec, judge, (path, stat, target) => ({
    kind: 'file-permission',
    path,
    mode: tightenedMode(stat.mode!, target.maxMode ?? spec.maxMode),
  }));
}

function fileRule(spec: FileRuleSpec, judge: Judge, fix: Fix): Rule {
  return {
    ...itemMeta(spec, 'facts'),
    check: (facts) => evaluate(spec, facts, judge).map((o) => o.result),
    remediate(facts) {
      const out: Contribution[] = [];
      for (const { target, stat, path, result } of evaluate(spec, facts, judge)) {
        if (result.status !== 'fail' || !target || !stat || !path) continue;
        // chown/chmod act on what a symlink points to; name that object in the plan.
        const real = stat.realPath ?? path;
        const change = fix(real, stat, target);
        out.push(spec.fixImpact ? { ...change, impact: spec.fixImpact } : change, ...(spec.persist?.(facts, target, stat) ?? []));
      }
      return out;
    },
  };
}

/** A single path CIS names, for items whose location the facts cannot tell better. */
export function fixedFile(path: string): (facts: HostFacts) => FileTarget[] {
  return () => [{ path, source: `CIS path ${path}` }];
}
