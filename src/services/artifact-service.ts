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
  const text = renderScript(plan, { scriptName: opts.output ? path.basename(opts.output) : undefined, host: opts.from ?? 'this host' });
  if (!opts.output) output.out(text);
  else {
    await writeOutputFiles([{ file: opts.output, content: text, mode: 0o700 }], '--output');
    const under = opts.root === '/' ? '' : ` --root ${opts.root}`;
    output.err(`Wrote ${opts.output}: run it as root on the host (bash ${opts.output}${under}); --rollback undoes it.`);
  }
  return plan;
}

export async function patchService(opts: ArtifactServiceOptions, output: Output): Promise<Plan> {
  if (opts.output) checkOutputPath(opts.output, '--output');
  const plan = await plannedOrRefused(opts);
  const patch = renderPatch(plan);
  const sidecar = renderPatchSidecar(plan);
  if (!opts.output) {
    output.out(patch);
    return plan;
  }
  await writeOutputFiles(
    [
      { file: opts.output, content: patch, mode: 0o644 },
      { file: `${opts.output}.json`, content: JSON.stringify(sidecar, null, 2) + '\n', mode: 0o644 },
    ],
    '--output',
  );
  output.err(
    `Wrote ${opts.output} (apply with: patch -p1 -d ${opts.root} < ${opts.output}) and ${opts.output}.json (modes, owners and steps a patch cannot carry).`,
  );
  return plan;
}

async function plannedOrRefused(opts: ArtifactServiceOptions): Promise<Plan> {
  const { plan } = await makePlan(opts);
  const blockers = planBlockers(plan);
  if (blockers.length) throw new UserError(blockers[0].text, 'Nothing was written. Fix that first, then run again.');
  return plan;
}
