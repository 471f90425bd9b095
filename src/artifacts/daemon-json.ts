// daemon.json: the user's file with only what the profile needs changed. User keys keep their
// order and text, new keys are appended, and a file that would stop dockerd is never produced.
import type { HostFacts } from '../facts/host-facts.js';
import { effectiveConfig } from '../facts/effective-config.js';
import { emptyNotes, type FileChange, type PlanNotes } from '../plan-model/plan.js';
import { fileChange, strictestMode } from '../plan-model/file-change.js';
import type { Tagged } from '../rules/contribution.js';
import { engineVersion } from './engine-version.js';
import { guardKey, type GuardContext } from './daemon-json-guards.js';
import { cleanCurrentConfig } from './daemon-json-current.js';
import { rewriteExecStart, type ExecStartRewrite } from './execstart-rewrite.js';
import { normalizeValue, mergeValue, sameJson } from './daemon-json-values.js';
import { editDaemonJson } from './daemon-json-edit.js';
import { parseDaemonJson } from '../facts/parse-daemon-json.js';

export interface DaemonJsonResult extends PlanNotes {
  file: FileChange | null;
  /** Top-level keys whose value differs from the current file. */
  changedKeys: string[];
  /** The config the file would hold, for `dockerd --validate`. */
  desired: Record<string, unknown> | null;
  execStart: ExecStartRewrite | null;
}

export function renderDaemonJson(facts: HostFacts, contributions: Tagged<'daemon-json-set' | 'daemon-json-remove'>[]): DaemonJsonResult {
  const notes = emptyNotes();
  const path = facts.daemonJson.path;
  const { raw } = facts.daemonJson;
  const none = (): DaemonJsonResult => ({ ...notes, file: null, changedKeys: [], desired: null, execStart: null });
  // The text is what gets edited, so it is read again here rather than trusting `parsed` (a facts
  // file may carry anything there); the probe's own error, where recorded, is the one shown.
  const read = raw === null ? { value: null } : parseDaemonJson(raw);
  if ('parseError' in read || (raw !== null && facts.daemonJson.parsed === null && raw.trim() !== '')) {
    const e = facts.daemonJson.parseError ?? ('parseError' in read ? read.parseError : null);
    const where = e ? `line ${e.line}: ${e.message}` : 'not a JSON object';
    notes.refused.push({
      key: path,
      blocking: true,
      text: `${path} does not parse (${where}); fix it first — docker-harden does not touch a daemon.json it cannot read.`,
    });
    return none();
  }

  // Present but not readable (a FIFO, a device, no permission): writing over it would lose what it
  // holds. A special file is refused even when nothing is planned for it: the host is not as it seems.
  const probe = facts.probes.daemonJson;
  const unreadable = raw === null && (probe?.status === 'error' || probe?.status === 'permission-denied');
  if (unreadable && (contributions.length > 0 || probe?.status === 'error') && facts.daemonIdentity?.status !== 'ambiguous') {
    notes.refused.push({
      key: path,
      blocking: true,
      text: `${path} could not be read (${probe?.message ?? probe?.status}); docker-harden does not write a daemon.json it could not read.`,
    });
    return none();
  }

  const ctx: GuardContext = { facts, version: engineVersion(facts), effective: effectiveConfig(facts) };
  const current = read.value ?? {};
  const cleaned = cleanCurrentConfig(current, ctx);
  notes.warnings.push(...cleaned.warnings);
  if (cleaned.refused.length > 0) {
    notes.refused.push(...cleaned.refused);
    return none();
  }

  const desired = cleaned.config;
  const closes = new Set<string>();
  const setBy = new Map<string, string>();
  for (const c of contributions) {
    if (c.kind === 'daemon-json-remove') {
      if (Object.hasOwn(desired, c.key)) delete desired[c.key];
      closes.add(c.ruleId);
      continue;
    }
    const value = normalizeValue(c.key, c.value);
    const verdict = guardKey(c.key, mergeValue(desired[c.key], value), ctx);
    if (verdict.refuse) {
      notes.refused.push({ ruleId: c.ruleId, key: c.key, text: verdict.refuse });
      continue;
    }
    if (verdict.warn) notes.warnings.push({ ruleId: c.ruleId, text: verdict.warn });
    const earlier = setBy.get(c.key);
    if (earlier && !sameJson(desired[c.key], mergeValue(desired[c.key], value))) {
      notes.warnings.push({ ruleId: c.ruleId, text: `rules ${earlier} and ${c.ruleId} both set "${c.key}"; ${c.ruleId}'s value is used.` });
    }
    desired[c.key] = mergeValue(desired[c.key], value);
    setBy.set(c.key, c.ruleId);
    closes.add(c.ruleId);
  }

  const exec = rewriteExecStart(
    facts,
    ctx.effective.conflicts.filter((k) => Object.hasOwn(desired, k)),
  );
  notes.warnings.push(...exec.warnings);
  notes.refused.push(...exec.refused);
  notes.manual.push(...exec.manual);

  const changedKeys = changed(current, desired);
  // Nothing asked and nothing to fix: no entry at all (an "unchanged" one answers a contribution).
  if ((raw === null || contributions.length === 0) && changedKeys.length === 0) return { ...none(), execStart: exec.rewrite };
  const after = editDaemonJson({ raw, current, desired, renamed: cleaned.renamed });
  return {
    ...notes,
    file: fileChange({
      path,
      before: raw,
      after,
      mode: strictestMode(facts.files[path]?.mode, 0o644),
      ...daemonJsonOwner(facts, path),
      closes,
      artifact: 'daemon-json',
    }),
    changedKeys,
    desired,
    execStart: exec.rewrite,
  };
}

function changed(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !Object.hasOwn(before, k) || !Object.hasOwn(after, k) || !sameJson(before[k], after[k])).sort();
}

/**
 * A rootless daemon's daemon.json lives in its user's home and must stay that user's: root-owned,
 * the user could no longer edit it. A rootful daemon's file is root's (CIS 3.17).
 */
function daemonJsonOwner(facts: HostFacts, path: string): { owner?: string; group?: string } {
  const d = facts.dockerd;
  if (!d?.rootless || d.uid === undefined) return {};
  const st = facts.files[path];
  if (st?.exists && st.uid !== undefined) return { owner: String(st.uid), group: String(st.gid ?? st.uid) };
  // A new file: the daemon's uid, and the same number for the group (a user private group).
  return { owner: String(d.uid), group: String(d.uid) };
}
