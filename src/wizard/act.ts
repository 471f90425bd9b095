// The edges the Act screen reaches: write the plan (backup set, then steps), or save it as a
// script or a patch, exactly as `apply`, `script` and `patch` do.
import type { GlobalOptions } from '../services/options.js';
import type { Plan } from '../plan-model/plan.js';
import type { HostFacts } from '../facts/host-facts.js';
import { saveScript as saveScriptFile, savePatch as savePatchFile } from '../services/artifact-service.js';
import { describeEvent, executePlan, type ExecuteEvent, type ExecuteOutcome } from '../services/execute-plan.js';
import { saveHtmlReport } from '../services/audit-service.js';
import { line, seg, type Line } from './model/lines.js';
import { auditHost, explain } from './wizard-data.js';
import { recreateSummary } from './recreate-confirm.js';

/** Why writing is not possible here, or null: files under / belong to root. */
export function writeBlocked(root: string, uid: number | undefined = process.getuid?.()): string | null {
  if (root === '/' && uid !== 0) return 'needs root: run docker-harden as root (sudo), or pass --root DIR to write into a copy of the host files';
  return null;
}

export interface WriteOutcome {
  exitCode: number;
  /** What to print once the wizard has closed. */
  summary: string[];
}

/** Apply the plan through the same service as `apply`, drawing each event as it happens. */
export async function writePlan(plan: Plan, facts: HostFacts, root: string, progress: (l: Line) => void): Promise<WriteOutcome> {
  let done: ExecuteOutcome;
  try {
    done = await executePlan(plan, facts, { root, noRestart: false }, (e) => progress(eventLine(e)));
  } catch (err) {
    const text = explain(err);
    progress(line(seg(`✗ ${text}`, 'bad')));
    return { exitCode: 2, summary: [`docker-harden: ${text}`] };
  }
  if (done.undo === null) {
    progress(line('Nothing to change: this host already matches the plan.'));
    return { exitCode: 0, summary: ['Nothing to change: this host already matches the plan.'] };
  }
  const summary = [
    `Wrote ${done.written.length} file(s) and fixed ${done.permissions.length} permission(s). Backup set ${done.backupId} (undo with: ${done.undo}).`,
    ...recreateSummary(done.recreates),
  ];
  if (done.failure) summary.push(done.failure);
  return { exitCode: done.failure ? 1 : 0, summary };
}

function eventLine(e: ExecuteEvent): Line {
  switch (e.kind) {
    case 'file-written':
      return line(seg('✓ ', 'ok'), `wrote ${e.path}`);
    case 'permission-fixed':
      return line(seg('✓ ', 'ok'), `fixed owner/mode of ${e.path}`);
    case 'backup-set':
      return line(seg(`Backup set ${e.id} (undo with: ${e.undo})`, 'strong'));
    case 'note':
      return line(/: failed|cannot start|could not/.test(e.text) ? seg('✗ ', 'bad') : seg('– ', 'muted'), e.text);
    case 'recreate':
    case 'recovered':
      return line((e.kind === 'recreate' ? e.outcome.status === 'recreated' : e.ok) ? seg('✓ ', 'ok') : seg('✗ ', 'bad'), describeEvent(e));
  }
}

// Saving goes through the same functions as `script -o` and `patch -o`, so the hints agree.
export function saveScript(plan: Plan, file: string, opts: Pick<GlobalOptions, 'root' | 'from'>): Promise<string> {
  return saveScriptFile(plan, file, opts, 'the saved file');
}

export function savePatch(plan: Plan, file: string, opts: Pick<GlobalOptions, 'root'>): Promise<string> {
  return savePatchFile(plan, file, opts, 'the saved file');
}

/** The whole catalog's audit of this host, as the findings screen showed it, as an HTML page. */
export function saveReport(facts: HostFacts, profile: string, file: string): Promise<string> {
  return saveHtmlReport(auditHost(facts), file, { facts, profileName: profile, now: new Date() }, 'the saved file');
}
