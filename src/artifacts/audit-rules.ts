// /etc/audit/rules.d/<file>: the CIS 1.1.x watches, each once, none that another rules file or the
// running kernel already has, and none whose parent directory is missing — auditctl stops
// loading at such a line and silently drops every rule after it (reference/auditd.md §4).
import type { HostFacts } from '../facts/host-facts.js';
import type { HardeningParams } from '../rules/params.js';
import { emptyNotes, type FileChange, type PlanNotes } from '../plan-model/plan.js';
import { compareRuleIds, fileChange, strictestMode } from '../plan-model/file-change.js';
import { parseAuditRule } from '../facts/audit-rule-parser.js';
import { existingAuditRules, KEPT_SECTION, KEPT_TITLE, type ExistingAuditRules } from './audit-rules-existing.js';
import type { Tagged } from '../rules/contribution.js';
import { auditRuleIdentity, type AuditRuleIdentity } from './audit-rule-identity.js';
import { renderTemplate } from './render-template.js';
import { parentDir, pathExists } from '../rules/section1/docker-paths.js';

export interface AuditRulesInput {
  facts: HostFacts;
  contributions: Tagged<'audit-watch'>[];
  params: Pick<HardeningParams, 'auditKey' | 'auditRulesFile'>;
  profileName: string;
  identity?: AuditRuleIdentity;
}

export interface AuditRulesResult extends PlanNotes {
  file: FileChange | null;
}

export function renderAuditRules(input: AuditRulesInput): AuditRulesResult {
  const { facts, params } = input;
  const identity = input.identity ?? auditRuleIdentity;
  const notes = emptyNotes();
  const file = `/etc/audit/rules.d/${params.auditRulesFile}`;
  if (!/^[A-Za-z0-9_.-]+\.rules$/.test(params.auditRulesFile)) {
    notes.refused.push({
      key: 'auditRulesFile',
      text: `auditRulesFile "${params.auditRulesFile}" must be a plain file name ending in .rules (augenrules reads only *.rules); no audit rules written.`,
    });
    return { ...notes, file: null };
  }
  const existing = existingAuditRules(facts, file, identity);
  const { previous, ownIds, elsewhere, loaded, flushes } = existing;

  const wanted = new Map<string, string[]>();
  for (const c of input.contributions) {
    const line = c.rule?.trim() ?? `-w ${c.path} -p rwxa -k ${params.auditKey}`;
    const refusal = unsafeRule(c.path, line, facts);
    if (refusal) {
      notes.warnings.push({ ruleId: c.ruleId, text: refusal });
      continue;
    }
    wanted.set(c.ruleId, [...(wanted.get(c.ruleId) ?? []), line]);
  }
  // Rules from an earlier run stay (their findings now pass); this run's rules replace theirs.
  const sections = new Map([...previous, ...wanted]);
  if (flushes && (wanted.size > 0 || existing.ownContent !== null)) keepLoadedOnly(existing, sections, params.auditKey, notes);
  const seen = new Set<string>();
  const out: { title: string; lines: string[] }[] = [];
  for (const id of [...sections.keys()].sort(bySection)) {
    const lines = sections.get(id)!.filter((line) => {
      const key = identity(line) ?? line;
      if (seen.has(key)) return false;
      seen.add(key);
      if (elsewhere.has(key)) {
        if (wanted.has(id))
          notes.warnings.push({
            ruleId: id,
            text: `audit rule \`${line}\` is already in ${elsewhere.get(key)}; not repeated (a duplicate stops auditctl loading).`,
          });
        return false;
      }
      // Loading starts with -D where a rules file has it: a rule loaded by hand is then no duplicate.
      if (loaded.has(key) && !ownIds.has(key) && !flushes) {
        if (wanted.has(id))
          notes.warnings.push({
            ruleId: id,
            text: `audit rule \`${line}\` is already loaded but in no rules file, so it is lost at reboot; not repeated here (a duplicate stops loading) — persist it where it was added.`,
          });
        return false;
      }
      return true;
    });
    if (lines.length > 0) out.push({ title: id === KEPT_SECTION ? KEPT_TITLE : `CIS ${id}`, lines });
  }
  if (out.length === 0 && existing.ownContent === null) return { ...notes, file: null };
  const after = renderTemplate('audit/docker.rules.hbs', { profile: input.profileName, sections: out });
  return {
    ...notes,
    file: fileChange({
      path: file,
      before: existing.ownContent,
      after,
      mode: strictestMode(facts.files[file]?.mode, 0o640),
      closes: wanted.keys(),
      artifact: 'audit-rules',
    }),
  };
}

/** Why a rule must not be written here, or null. */
function unsafeRule(target: string, line: string, facts: HostFacts): string | null {
  if (/\s/.test(target) || /[\r\n]/.test(line)) return `audit path ${JSON.stringify(target)} has whitespace, which auditctl rules cannot express; not written.`;
  if (pathExists(facts, target) === true || pathExists(facts, parentDir(target)) === true) return null;
  return `no audit rule for ${target}: neither it nor ${parentDir(target)} is known to exist on this host, and auditctl would stop loading the rules at that line.`;
}

/**
 * Loading flushes first (-D), so a docker rule that was only loaded by hand would be gone after
 * `augenrules --load`: it is written into our file instead (rules with other keys get a warning).
 */
function keepLoadedOnly(existing: ExistingAuditRules, sections: Map<string, string[]>, key: string, notes: PlanNotes): void {
  const ours = existing.loadedOnly.filter((line) => parseAuditRule(line)?.keys.includes(key));
  const others = existing.loadedOnly.filter((line) => !ours.includes(line));
  if (ours.length > 0) sections.set(KEPT_SECTION, [...(sections.get(KEPT_SECTION) ?? []), ...ours]);
  for (const line of others) {
    notes.warnings.push({
      text: `audit rule \`${line}\` is loaded but in no rules file; \`augenrules --load\` flushes the loaded rules (-D) and it will be gone — add it to a rules file to keep it.`,
    });
  }
}

/** CIS ids in benchmark order, the kept rules last. */
function bySection(a: string, b: string): number {
  if (a === KEPT_SECTION || b === KEPT_SECTION) return Number(a === KEPT_SECTION) - Number(b === KEPT_SECTION);
  return compareRuleIds(a, b);
}
