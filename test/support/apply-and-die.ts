// Applies a plan and kills its own process right after the first file is written.
import { readFileSync } from 'node:fs';
import { applyPlan } from '../../src/apply/apply-plan.js';

const [planFile, root] = process.argv.slice(2);
await applyPlan(JSON.parse(readFileSync(planFile, 'utf8')), {
  root,
  onFile: () => process.kill(process.pid, 'SIGKILL'),
});
