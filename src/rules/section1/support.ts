// Shared shape of the CIS 1.1.3–1.1.18 audit items: each names one or more paths that must be
// watched; check() looks for a rule covering each exact path, remediate() adds the missing watches.
import type { HostFacts } from '../../facts/host-facts.js';
import type { Contribution } from '../contribution.js';
import type { HardeningParams } from '../params.js';
import type { CheckResult, Evidence, Rule, RuleMeta } from '../rule.js';
import { isAuditKillSwitch } from '../../facts/audit-rule-parser.js';
import { findCovering, hostAuditRules, isUnavailable, killSwitchEvidence, namesPath, type SourcedRule } from './audit-rules-facts.js';
import { fileStat, parentDir, pathExists, type HostPath } from './docker-paths.js';

export const AUDIT_REFERENCES = [
  'CIS Docker Benchmark v1.8.0, section 1.1',
  'https://man7.org/linux/man-pages/man8/auditctl.8.html',
  'https://man7.org/linux/man-pages/man8/augenrules.8.html',
];

export interface AuditWatchSpec extends Omit<RuleMeta, 'checks' | 'section' | 'references'> {
  /** Paths to watch, or a result to return as is (not applicable, warn). */
  targets(facts: HostFacts): HostPath[] | CheckResult;
  /** CIS says "if it exists" / "if applicable": an absent path is not applicable. */
  ifExists: boolean;
  /** Write the fix in CIS's syscall form (-F path= -F perm=war) instead of a -w watch. */
  syscallForm?: boolean;
}

interface Outcome {
  target?: HostPath;
  result: CheckResult;
  /** A rules-file rule that would cover the path but is not loaded. */
  unloaded?: SourcedRule;
}

const res = (status: CheckResult['status'], message: string, ...evidence: Evidence[]): CheckResult => ({ status, message, evidence });

function evaluate(spec: AuditWatchSpec, facts: HostFacts): Outcome[] {
  const targets = spec.targets(facts);
  if (!Array.isArray(targets)) return [{ result: targets }];
  const audit = hostAuditRules(facts);
  if (isUnavailable(audit)) return [{ result: audit }];
  const where = audit.source === 'loaded' ? 'loaded audit rule (auditctl -l)' : 'audit rule in the rules files';
  return targets.map((target): Outcome => {
    const { path } = target;
    const origin: Evidence = { kind: 'file', detail: `watched path from ${target.source}`, path };
    const audited = (r: SourcedRule, note = ''): Evidence => {
      const via = r.realPath ? ` (${r.rule.path} is ${r.realPath} on this host)` : '';
      return { kind: 'audit', detail: `${r.origin}: ${r.rule.raw}${via}${note}`, path };
    };
    if (spec.ifExists && pathExists(facts, path) === false) {
      const absent: Evidence = { kind: 'file', detail: `${path} does not exist`, path };
      return { target, result: res('not-applicable', `${path} does not exist on this host, so there is nothing to audit.`, origin, absent) };
    }
    // A watch on a symlink's target is what the kernel can watch (remediate writes that one); a
    // rule written through a symlinked directory counts for the real path too.
    const real = fileStat(facts, path)?.stat.realPath;
    const covering = findCovering(audit.rules, path, real);
    if (covering && audit.killSwitch) {
      const message = `${path} is watched, but the rule "-a never,task" stops every watch from firing.`;
      return { target, result: res('warn', message, origin, audited(covering), killSwitchEvidence(audit.killSwitch)) };
    }
    if (covering) {
      const result = res('pass', `${path} is covered by a ${where}.`, origin, audited(covering));
      // Loaded by hand (auditctl) but in no rules file: it is gone after the next reboot.
      if (audit.source === 'loaded' && facts.audit.rulesFiles.length > 0 && !findCovering(audit.fileRules, path, real)) {
        result.evidence.push({ kind: 'audit', detail: `no rules file has a rule for ${path}: the loaded rule will not survive a reboot`, path });
      }
      return { target, result };
    }

    const evidence: Evidence[] = [origin, { kind: 'audit', detail: `no ${where} watches ${path} for writes and attribute changes`, path }];
    const samePath = audit.rules.filter((r) => namesPath(r, path, real) && !isAuditKillSwitch(r.rule));
    for (const near of samePath) {
      evidence.push(audited(near, ' does not count: it must be an always,exit rule recording writes and attribute changes for every syscall and user'));
    }
    const unloaded = audit.source === 'loaded' ? findCovering(audit.fileRules, path, real) : undefined;
    if (unloaded) evidence.push(audited(unloaded, ' is written but not loaded (augenrules --load)'));
    if (audit.killSwitch) evidence.push(killSwitchEvidence(audit.killSwitch));
    return { target, result: res('fail', `No ${where} watches ${path}.`, ...evidence), unloaded };
  });
}

function isVolatileParent(path: string): boolean {
  const parent = parentDir(path).replace(/^\/var\/run(?=\/|$)/, '/run');
  return parent.startsWith('/run/');
}

/** The rule line that closes the gap for one path. */
export function auditRuleText(path: string, key: string, syscallForm: boolean): string {
  return syscallForm ? `-a always,exit -F path=${path} -F perm=war -k ${key}` : `-w ${path} -p rwxa -k ${key}`;
}

function remediate(spec: AuditWatchSpec, facts: HostFacts, params: HardeningParams): Contribution[] {
  const out: Contribution[] = [];
  for (const { target, result, unloaded } of evaluate(spec, facts)) {
    if (!target || result.status !== 'fail') continue;
    // A second copy of a rule makes auditctl stop at "Rule exists" when the files are loaded.
    if (unloaded) {
      out.push({ kind: 'manual', text: `${unloaded.origin} already has "${unloaded.rule.raw}" for ${target.path}: load the rules with "augenrules --load".` });
      continue;
    }
    const path = fileStat(facts, target.path)?.stat.realPath ?? target.path;
    const rule = auditRuleText(path, params.auditKey, spec.syscallForm ?? false);
    // The kernel accepts a watch on a missing file in an existing directory, but a missing parent
    // fails the load and auditctl then drops every later rule in the file.
    if (pathExists(facts, path) !== true && pathExists(facts, parentDir(path)) !== true) {
      out.push({
        kind: 'manual',
        text: `Add "${rule}" to the audit rules once ${parentDir(path)} exists; it is not written now because a watch whose directory is missing stops auditctl from loading every rule after it.`,
      });
      continue;
    }
    // /run is empty at boot when the rules load: a directory a daemon creates there later (e.g.
    // /run/containerd) is missing at that moment, with the same effect as above.
    if (isVolatileParent(path)) {
      out.push({
        kind: 'manual',
        text: `Load "${rule}" with auditctl after the service that creates ${parentDir(path)} has started (for example from that service's ExecStartPost=); in a rules file it would fail at boot, before ${parentDir(path)} exists, and stop every later rule from loading.`,
      });
      continue;
    }
    out.push(
      spec.syscallForm
        ? { kind: 'audit-watch', path, rule, impact: 'A perm= rule without arch= is checked on every syscall, which costs some performance on busy hosts.' }
        : { kind: 'audit-watch', path, rule },
    );
  }
  return out;
}

export function auditWatchRule(spec: AuditWatchSpec): Rule {
  const { targets: _targets, ifExists: _ifExists, syscallForm: _syscallForm, ...meta } = spec;
  return {
    ...meta,
    section: 1,
    checks: 'facts',
    references: AUDIT_REFERENCES,
    check: (facts) => evaluate(spec, facts).map((o) => o.result),
    remediate: (facts, params) => remediate(spec, facts, params),
  };
}

export const AUDIT_IMPACT =
  'Audit rules produce large logs: rotate and archive them, and keep /var/log/audit on its own partition so it cannot fill the root filesystem.';

/** A single fixed path from CIS, for items whose path the facts cannot tell better. */
export function fixedPath(path: string): (facts: HostFacts) => HostPath[] {
  return () => [{ path, source: `CIS path ${path}` }];
}
