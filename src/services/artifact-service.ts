// `script` and `patch`: the plan as an artifact for someone else to review and run.
import path from 'node:path';
import type { GlobalOptions } from '../cli/context.js';
import type { Output } from '../cli/output.js';
import { UserError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { planBlockers, type Plan } from '../plan/plan.js';
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
  const plan = await plannedOrRefused(opts);
  const text = renderScript(plan, { scriptName: opts.output ? path.basename(opts.output) : undefined, host: opts.from ?? 'this host' });
  if (!opts.output) output.out(text);
  else {
    await writeFileAtomic(opts.output, text, { mode: 0o700 });
    output.err(`Wrote ${opts.output}: run it as root on the host (bash ${opts.output}); --rollback undoes it.`);
  }
  return plan;
}

export async function patchService(opts: ArtifactServiceOptions, output: Output): Promise<Plan> {
  const plan = await plannedOrRefused(opts);
  const patch = renderPatch(plan);
  const sidecar = renderPatchSidecar(plan);
  if (!opts.output) {
    output.out(patch);
    return plan;
  }
  await writeFileAtomic(opts.output, patch, { mode: 0o644 });
  await writeFileAtomic(`${opts.output}.json`, JSON.stringify(sidecar, null, 2) + '\n', { mode: 0o644 });
  output.err(`Wrote ${opts.output} (apply with: patch -p1 -d / < ${opts.output}) and ${opts.output}.json (modes, owners and steps a patch cannot carry).`);
  return plan;
}

async function plannedOrRefused(opts: ArtifactServiceOptions): Promise<Plan> {
  const { plan } = await makePlan(opts);
  const blockers = planBlockers(plan);
  if (blockers.length) throw new UserError(blockers[0].text, 'Nothing was written. Fix that first, then run again.');
  return plan;
}
