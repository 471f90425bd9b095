// Running a plan's steps in order (daemon-reload, reload or restart, rules load). A failed step
// stops the rest; the caller tells the user how to roll back.
import { execa } from 'execa';
import type { PlanStep } from '../plan/plan.js';

export interface StepResult {
  step: PlanStep;
  status: 'ok' | 'failed' | 'skipped';
  message: string;
}

export interface RunStepsOptions {
  root: string;
  /** Skip steps that restart or reload the Docker daemon or socket. */
  noRestart: boolean;
  onResult?(result: StepResult): void;
}

const DOCKER_UNITS = /^docker(\.socket|\.service)?$/;

/** Steps that restart or reload dockerd: `systemctl restart|reload docker...`, or a SIGHUP to its pid. */
export function isDaemonRestart(step: PlanStep): boolean {
  const [cmd, ...args] = step.command;
  if (cmd === 'kill') return step.id.startsWith('dockerd-');
  return cmd === 'systemctl' && (args[0] === 'restart' || args[0] === 'reload') && args.slice(1).some((w) => DOCKER_UNITS.test(w));
}

export async function runSteps(steps: PlanStep[], opts: RunStepsOptions): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let failed = false;
  for (const step of steps) {
    let result: StepResult;
    if (failed) result = { step, status: 'skipped', message: 'not run: an earlier step failed' };
    else if (opts.root !== '/') result = { step, status: 'skipped', message: `not run under --root ${opts.root}; run it on the host: ${step.command.join(' ')}` };
    else if (opts.noRestart && isDaemonRestart(step)) result = { step, status: 'skipped', message: `skipped (--no-restart); run it when convenient: ${step.command.join(' ')}` };
    else {
      const run = await execa(step.command[0], step.command.slice(1), { reject: false, timeout: 120_000 });
      const ok = run.exitCode === 0 && !run.failed;
      failed = !ok;
      const why = (run.stderr || run.stdout || run.shortMessage || '').toString().trim().split('\n')[0];
      result = { step, status: ok ? 'ok' : 'failed', message: ok ? 'done' : `failed: ${why}` };
    }
    results.push(result);
    opts.onResult?.(result);
  }
  return results;
}
