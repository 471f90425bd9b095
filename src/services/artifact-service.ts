// `script` and `patch`: the plan as an artifact for someone else to review and run.
import path from 'node:path';
import type { GlobalOptions } from '../services/options.js';
import type { Output } from '../services/output.js';
import { UserError } from '../core/errors.js';
import { checkOutputPath, writeOutputFiles } from './output-file.js';
import { planBlockers, type Plan } from '../plan-model/plan.js';
import { renderScript } from '../script/render-script.js';
import { renderPatch, renderPatchSidecar } from '../patch/render-patch.js';
import { makePlan } from './plan-source.js';

export interface ArtifactServiceOptions extends GlobalOptions {
  profile: string;
  /** --compose files, planned besides the engine's Compose projects. */
  compose?: string[];
  output?: string;
}

export async function scriptService(opts: ArtifactServiceOptions, output: Output): Promise<Plan> {
  if (opts.output) checkOutputPath(opts.output, '--output');
  const plan = await plannedOrRefused(opts);
  if (!opts.output) output.out(renderScript(plan, { host: opts.from ?? 'this host' }));
  else output.err(await saveScript(plan, opts.output, opts, '--output'));
  return plan;
}

/** Write the plan as a script to `file`; the sentence that says how to run it. The wizard saves through this too. */
export async function saveScript(plan: Plan, file: string, opts: Pick<GlobalOptions, 'root' | 'from'>, what: string): Promise<string> {
  const text = renderScript(plan, { scriptName: path.basename(file), host: opts.from ?? 'this host' });
  await writeOutputFiles([{ file, content: text, mode: 0o700 }], what);
  const under = opts.root === '/' ? '' : ` --root ${opts.root}`;
  return `Wrote ${file}: run it as root on the host (bash ${file}${under}); --rollback undoes it.`;
}

export async function patchService(opts: ArtifactServiceOptions, output: Output): Promise<Plan> {
  if (opts.output) checkOutputPath(opts.output, '--output');
  const plan = await plannedOrRefused(opts);
  if (!opts.output) output.out(renderPatch(plan));
  else output.err(await savePatch(plan, opts.output, opts, '--output'));
  return plan;
}

/** Write the plan as a patch and its sidecar; the sentence that says how to apply them. The wizard saves through this too. */
export async function savePatch(plan: Plan, file: string, opts: Pick<GlobalOptions, 'root'>, what: string): Promise<string> {
  await writeOutputFiles(
    [
      { file, content: renderPatch(plan), mode: 0o644 },
      { file: `${file}.json`, content: JSON.stringify(renderPatchSidecar(plan), null, 2) + '\n', mode: 0o644 },
    ],
    what,
  );
  return `Wrote ${file} (apply with: patch -p1 -d ${opts.root} < ${file}) and ${file}.json (modes, owners and steps a patch cannot carry).`;
}

async function plannedOrRefused(opts: ArtifactServiceOptions): Promise<Plan> {
  const { plan } = await makePlan(opts);
  const blockers = planBlockers(plan);
  if (blockers.length) throw new UserError(blockers[0].text, 'Nothing was written. Fix that first, then run again.');
  return plan;
}
