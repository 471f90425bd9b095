// Drop-ins for docker.socket (socket owner and mode, CIS 3.15/3.16) and docker.service (an
// ExecStart without flags daemon.json already sets). Written only for units the host has.
import type { HostFacts, SystemdUnitFacts } from '../facts/host-facts.js';
import { parseUnitFile } from '../facts/systemd-unit.js';
import { splitCommandLine } from '../facts/dockerd-flags.js';
import { emptyNotes, type FileChange, type PlanNotes } from '../plan-model/plan.js';
import { fileChange, sortRuleIds, strictestMode } from '../plan-model/file-change.js';
import type { Tagged } from '../rules/contribution.js';
import type { ExecStartRewrite } from './execstart-rewrite.js';
import { dropInPath, type DockerUnit } from './systemd-paths.js';
import { renderTemplate } from './render-template.js';

interface Entry {
  section: string;
  key: string;
  value: string;
  /** ExecStart words in unit syntax; absent for plain values. */
  words?: string[];
}

export interface DropInsResult extends PlanNotes {
  files: FileChange[];
}

export function renderSystemdDropIns(
  facts: HostFacts,
  contributions: Tagged<'systemd-dropin'>[],
  execStart: ExecStartRewrite | null,
  profileName: string,
): DropInsResult {
  const notes = emptyNotes();
  const files: FileChange[] = [];
  for (const unit of ['docker.service', 'docker.socket'] as const) {
    const unitFacts = unit === 'docker.service' ? facts.systemd.service : facts.systemd.socket;
    const mine = contributions.filter((c) => c.unit === unit);
    const rewrite = unit === 'docker.service' ? execStart : null;
    if (mine.length === 0 && !rewrite) continue;
    if (!unitFacts) {
      for (const c of mine)
        notes.warnings.push({
          ruleId: c.ruleId,
          text: `${unit} is not installed here, so ${c.key}=${c.value} is not written; set it in the unit that starts dockerd.`,
        });
      continue;
    }
    const entries = previousEntries(unitFacts, unit);
    const closes: string[] = [];
    for (const c of mine) {
      if (/[\r\n]/.test(c.value) || c.value.endsWith('\\')) {
        notes.refused.push({
          ruleId: c.ruleId,
          key: `${unit} ${c.key}`,
          text: `${c.key} value ${JSON.stringify(c.value)} cannot be written to a unit file; not written.`,
        });
        continue;
      }
      const at = entries.findIndex((e) => e.section === c.section && e.key === c.key);
      const entry = { section: c.section, key: c.key, value: c.value };
      if (at === -1) entries.push(entry);
      else entries[at] = entry;
      closes.push(c.ruleId);
    }
    if (rewrite) {
      const others = entries.filter((e) => !(e.section === 'Service' && e.key === 'ExecStart'));
      entries.length = 0;
      entries.push(...others, { section: 'Service', key: 'ExecStart', value: '' }, { section: 'Service', key: 'ExecStart', value: '', words: rewrite.words });
    }
    files.push(renderDropIn(facts, unit, unitFacts, entries, sortRuleIds(closes), profileName));
  }
  return { ...notes, files };
}

function renderDropIn(facts: HostFacts, unit: DockerUnit, unitFacts: SystemdUnitFacts, entries: Entry[], closes: string[], profile: string): FileChange {
  const path = dropInPath(unit);
  const before = unitFacts.dropIns.find((d) => d.path === path)?.content ?? null;
  const sections = [...new Set(entries.map((e) => e.section))].map((name) => ({
    name,
    entries: entries.filter((e) => e.section === name).map((e) => ({ key: e.key, value: e.value, exec: !!e.words, words: e.words ?? [] })),
  }));
  const after = renderTemplate('systemd/dropin.conf.hbs', { profile, sections });
  return fileChange({ path, before, after, mode: strictestMode(facts.files[path]?.mode, 0o644), closes, artifact: 'systemd-dropin' });
}

/** What our drop-in already says: kept, so settings from an earlier run are not dropped. */
function previousEntries(unitFacts: SystemdUnitFacts, unit: DockerUnit): Entry[] {
  const own = unitFacts.dropIns.find((d) => d.path === dropInPath(unit));
  if (!own) return [];
  return parseUnitFile(own.content).map((e) =>
    e.key === 'ExecStart' && e.value !== '' ? { ...e, words: splitCommandLine(e.value) } : { ...e, value: e.value.replace(/%%/g, '%') },
  );
}
