// Running a plan's steps in order (docker update, daemon-reload, reload or restart, rules load). A
// failed step stops the rest; the caller tells the user how to roll back.
import { execa } from 'execa';
import { readlinkSync } from 'node:fs';
import path from 'node:path';
import type { PlanStep } from '../plan-model/plan.js';

export interface StepResult {
  step: PlanStep;
  status: 'ok' | 'failed' | 'skipped';
  message: string;
}

export interface RunStepsOptions {
  root: string;
  /** Skip steps that restart or reload the Docker daemon or socket. */
  noRestart: boolean;
  /**
   * Under --root: run the steps that act on the engine (`docker -H ... update`). They reach the
   * engine, not the files, so they belong to a root only when the endpoint was named explicitly.
   */
  engineSteps?: boolean;
  /**
   * Under --root: run the daemon's reload and restart, for a daemon that was identified and reads
   * its configuration from inside the root (a private daemon on a copy of the host files).
   */
  daemonSteps?: boolean;
  /** After a reload or restart that ran: wait until the engine answers again (or say why not). */
  afterDaemonStep?(step: PlanStep): Promise<void>;
  onResult?(result: StepResult): void;
}

const DOCKER_UNITS = /^docker(\.socket|\.service)?$/;
const MANAGER_RESTART: Record<string, (args: string[]) => boolean> = {
  systemctl: (args) => {
    const rest = args[0] === '--user' ? args.slice(1) : args;
    return (rest[0] === 'restart' || rest[0] === 'reload') && rest.slice(1).some((w) => DOCKER_UNITS.test(w));
  },
  'rc-service': (args) => args[1] === 'restart',
  service: (args) => args[1] === 'restart',
};

/** Steps that restart or reload dockerd: a SIGHUP to its pid, or its manager's restart/reload. */
export function isDaemonRestart(step: PlanStep): boolean {
  const [cmd, ...args] = step.command;
  if (cmd === 'kill') return step.id.startsWith('dockerd-') || step.id.startsWith('docker-reload');
  return MANAGER_RESTART[cmd]?.(args) ?? false;
}

/** Steps that act on the engine through its API (docker [-H endpoint] ...), not on the host. */
export function isEngineStep(step: PlanStep): boolean {
  return step.command[0] === 'docker';
}

function skipReason(step: PlanStep, opts: RunStepsOptions): string | null {
  const text = step.command.join(' ');
  const daemonStep = isDaemonRestart(step) || step.id === 'systemd-daemon-reload';
  if (opts.root !== '/') {
    const runs = isEngineStep(step) ? opts.engineSteps === true : daemonStep && opts.daemonSteps === true;
    if (!runs) return `not run under --root ${opts.root}; run it on the host: ${text}`;
  }
  if (opts.noRestart && isDaemonRestart(step)) return `skipped (--no-restart); run it when convenient: ${text}`;
  return null;
}

export async function runSteps(steps: PlanStep[], opts: RunStepsOptions): Promise<StepResult[]> {
  const results: StepResult[] = [];
  let failed = false;
  for (const step of steps) {
    let result: StepResult;
    const skip = failed ? 'not run: an earlier step failed' : skipReason(step, opts);
    if (skip) result = { step, status: 'skipped', message: skip };
    else {
      const why = await runOne(step);
      failed = why !== null;
      if (!failed && isDaemonRestart(step) && opts.afterDaemonStep) await opts.afterDaemonStep(step);
      result = { step, status: failed ? 'failed' : 'ok', message: failed ? `failed: ${why}` : 'done' };
    }
    results.push(result);
    opts.onResult?.(result);
  }
  return results;
}

/** Run one step; null when it succeeded, else why not (one line). */
async function runOne(step: PlanStep): Promise<string | null> {
  if (step.command[0] === 'kill') return signalDockerd(step.command);
  const run = await execa(step.command[0], step.command.slice(1), { reject: false, timeout: 120_000 });
  if (run.exitCode === 0 && !run.failed) return null;
  return (run.stderr || run.stdout || run.shortMessage || '').toString().trim().split('\n')[0];
}

/**
 * `kill -s HUP <pid>` from a plan, sent only while that pid is still a dockerd: a plan made from
 * saved facts may name a pid the daemon no longer has, and SIGHUP ends most other processes.
 */
function signalDockerd(command: string[]): string | null {
  const pid = Number(command.at(-1));
  const signal = `SIG${command[2] ?? 'HUP'}` as NodeJS.Signals;
  let exe: string;
  try {
    exe = readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '');
  } catch {
    return `no process ${pid} is running (dockerd was restarted or stopped since the facts were taken); reload it with kill -s HUP <pid of dockerd>`;
  }
  if (path.basename(exe) !== 'dockerd')
    return `process ${pid} is ${exe}, not dockerd (the daemon was restarted since the facts were taken); nothing was signalled`;
  try {
    process.kill(pid, signal);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
