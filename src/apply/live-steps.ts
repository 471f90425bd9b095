// Steps that change the live system, and the check after them: when a step reloaded or restarted
// dockerd, the canary must start a container. If it cannot, the daemon's own files go back from
// the backup set, the daemon is restarted again on them, and the failure is reported with the
// engine's error: an apply that breaks containers undoes itself.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { PlanStep } from '../plan-model/plan.js';
import { parseDockerdArgs } from '../facts/dockerd-flags.js';
import { isDaemonRestart, runSteps, type StepResult } from './run-steps.js';
import { waitForEngine } from './engine-endpoint.js';
import { runCanary, type CanaryResult } from './canary.js';
import { restoreDaemonFiles } from './restore-daemon-files.js';

export interface LiveStepsOptions {
  root: string;
  noRestart: boolean;
  /** The engine the steps act on (always explicit: a rollback must not follow the shell's DOCKER_HOST). */
  endpoint: string;
  engineSteps: boolean;
  daemonSteps: boolean;
  /** Images to start the canary from; empty means it cannot run (and says so). */
  canaryImages: () => Promise<string[]>;
  /** This apply's backup set and the daemon files it changed: restored when the canary fails. */
  recovery?: { root: string; id: string; daemonFiles: ReadonlySet<string> };
  out(line: string): void;
}

export interface LiveOutcome {
  steps: StepResult[];
  canary?: CanaryResult;
  /** One sentence when the daemon no longer starts containers (exit 1). */
  failure?: string;
}

export async function runLiveSteps(steps: PlanStep[], opts: LiveStepsOptions): Promise<LiveOutcome> {
  const run = (list: PlanStep[]) =>
    runSteps(list, {
      root: opts.root,
      noRestart: opts.noRestart,
      engineSteps: opts.engineSteps,
      daemonSteps: opts.daemonSteps,
      afterDaemonStep: async (s) => {
        // SIGHUP is handled in the background: give dockerd a moment before asking it anything.
        const wait = await waitForEngine(
          opts.endpoint,
          s.command[0] === 'kill' ? { settleMs: 1_000, timeoutMs: 30_000 } : { settleMs: 500, timeoutMs: 90_000 },
        );
        if (wait) opts.out(`dockerd after "${s.description}": ${wait}`);
      },
      onResult: (r) => opts.out(`step ${r.step.description}: ${r.message}`),
    });
  const results = await run(steps);
  const ran = results.filter((r) => r.status === 'ok' && isDaemonRestart(r.step)).map((r) => r.step);
  if (ran.length === 0 || results.some((r) => r.status === 'failed')) return { steps: results };

  const canary = await checkContainersStart(opts);
  if (canary.status !== 'failed') return { steps: results, canary };
  if (!opts.recovery) {
    return { steps: results, canary, failure: `After the daemon was reloaded, a container cannot start (engine: ${canary.error}).` };
  }
  const { root, id, daemonFiles } = opts.recovery;
  const restored = await restoreDaemonFiles(root, id, daemonFiles);
  for (const p of restored) opts.out(`restored ${p} (the canary container could not start)`);
  const again = await run(restartAgain(steps, ran));
  const second = await checkContainersStart(opts);
  const undone = `${restored.join(' and ')} ${restored.length === 1 ? 'was' : 'were'} restored from backup set ${id} and dockerd ${again.every((r) => r.status === 'ok') ? 'restarted on' : 'could not be restarted on'} ${restored.length === 1 ? 'it' : 'them'}`;
  const now = second.status === 'failed' ? `, yet containers still do not start (${second.error})` : ', and containers start again';
  return {
    steps: [...results, ...again],
    canary,
    failure: `After the daemon was restarted, a container could not start (engine: ${canary.error}); ${undone}${now}.`,
  };
}

async function checkContainersStart(opts: LiveStepsOptions): Promise<CanaryResult> {
  const result = await runCanary(opts.endpoint, await opts.canaryImages());
  if (result.status === 'ok') opts.out(`canary: a container from ${result.image.replace(/^sha256:/, '').slice(0, 12)} started and exited 0`);
  else if (result.status === 'not-run') opts.out(`canary: not run (${result.reason}); check that containers start`);
  else opts.out(`canary: a container cannot start: ${result.error}`);
  return result;
}

/**
 * The steps that bring the daemon back onto the restored files: systemd's daemon-reload (a
 * drop-in went back), then the restart that ran; a SIGHUP when only a reload ran.
 */
function restartAgain(steps: PlanStep[], ran: PlanStep[]): PlanStep[] {
  const restarts = ran.filter((s) => s.command[0] !== 'kill');
  if (restarts.length === 0) return ran.slice(-1);
  return [...steps.filter((s) => s.id === 'systemd-daemon-reload'), restarts.at(-1)!];
}

/**
 * Under --root, the daemon's reload and restart belong to the run only for an identified daemon
 * that reads its configuration file from inside the root (a private daemon on a copy).
 */
export function daemonReadsRoot(root: string, argv: readonly string[] | undefined): boolean {
  if (root === '/') return true;
  const flag = argv ? parseDockerdArgs(argv.slice(1)).get('config-file')?.value : undefined;
  if (typeof flag !== 'string' || !path.isAbsolute(flag)) return false;
  try {
    const realRoot = realpathSync(root);
    const dir = realpathSync(path.dirname(flag));
    return dir === realRoot || dir.startsWith(realRoot + path.sep);
  } catch {
    return false;
  }
}
