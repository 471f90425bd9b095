// The edges the Act screen reaches: write the plan (backup set, then steps), or save it as a
// script or a patch, exactly as `apply`, `script` and `patch` do.
import path from 'node:path';
import type { GlobalOptions } from '../cli/context.js';
import type { Plan } from '../plan/plan.js';
import { applyPlan } from '../apply/apply-plan.js';
import { runSteps, type StepResult } from '../apply/run-steps.js';
import { renderScript } from '../script/render-script.js';
import { renderPatch, renderPatchSidecar } from '../patch/render-patch.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { line, seg, type Line } from './model/lines.js';
import { explain } from './wizard-data.js';

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

const rollbackHint = (id: string, root: string) => `docker-harden rollback ${id}${root !== '/' ? ` --root ${root}` : ''}`;

/** Apply the plan, reporting each file and step through `progress` as it happens. */
export async function writePlan(plan: Plan, root: string, progress: (l: Line) => void): Promise<WriteOutcome> {
  let result;
  try {
    result = await applyPlan(plan, { root, onFile: (p) => progress(line(seg('✓ ', 'ok'), `wrote ${p}`)) });
  } catch (err) {
    const text = explain(err);
    progress(line(seg(`✗ ${text}`, 'bad')));
    return { exitCode: 2, summary: [`docker-harden: ${text}`] };
  }
  if (!result.backupId) {
    progress(line('Nothing to change: this host already matches the plan.'));
    return { exitCode: 0, summary: ['Nothing to change: this host already matches the plan.'] };
  }
  for (const p of result.permissions) progress(line(seg('✓ ', 'ok'), `fixed owner/mode of ${p}`));
  const backup = `Backup set ${result.backupId} (undo with: ${rollbackHint(result.backupId, root)})`;
  progress(line(seg(backup, 'strong')));
  const steps = await runSteps(plan.steps, { root, noRestart: false, onResult: (r) => progress(stepLine(r)) });
  const failed = steps.some((s) => s.status === 'failed');
  const summary = [`Wrote ${result.written.length} file(s) and fixed ${result.permissions.length} permission(s). ${backup}.`];
  if (failed) summary.push(`A step failed after the files were written. Undo with: ${rollbackHint(result.backupId, root)}`);
  return { exitCode: failed ? 1 : 0, summary };
}

function stepLine(r: StepResult): Line {
  const mark = r.status === 'ok' ? seg('✓ ', 'ok') : r.status === 'failed' ? seg('✗ ', 'bad') : seg('– ', 'muted');
  return line(mark, `${r.step.description}: ${r.message}`);
}

export async function saveScript(plan: Plan, file: string, opts: Pick<GlobalOptions, 'from'>): Promise<string> {
  const text = renderScript(plan, { scriptName: path.basename(file), host: opts.from ?? 'this host' });
  await writeFileAtomic(file, text, { mode: 0o700 });
  return `Wrote ${file}: run it as root on the host (bash ${file}); --rollback undoes it.`;
}

export async function savePatch(plan: Plan, file: string): Promise<string> {
  await writeFileAtomic(file, renderPatch(plan), { mode: 0o644 });
  await writeFileAtomic(`${file}.json`, JSON.stringify(renderPatchSidecar(plan), null, 2) + '\n', { mode: 0o644 });
  return `Wrote ${file} (apply with: patch -p1 -d / < ${file}) and ${file}.json (modes, owners and steps a patch cannot carry).`;
}
