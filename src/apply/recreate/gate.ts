// The health gate: a recreated container must keep running for the gate's seconds without a
// restart, and one with a healthcheck must also report healthy. A healthcheck cannot report
// before its first probe (start period, one interval, one timeout), so the window stretches to
// that, within a bound; a container that never gets there is judged not to work.
import type { EngineClient } from '../../probes/engine-client.js';
import { inspectContainer, type LiveContainer } from './engine-calls.js';

/** Docker's defaults for a healthcheck that leaves them out (nanoseconds in the API, ms here). */
const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Slack after the first probe could have answered, and the longest any gate waits. */
const HEALTH_SLACK_MS = 5_000;
const MAX_WINDOW_MS = 10 * 60_000;

export interface GateOptions {
  gateSeconds: number;
  /** Poll interval (ms); tests shorten it. */
  pollMs?: number;
}

/** Why the container failed its gate (one phrase, "exited 1 after 2 s"), or null when it passed. */
export type GateVerdict = { passed: true } | { passed: false; why: string; oomKilled: boolean };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (ns: number | undefined, fallback: number) => (ns && ns > 0 ? Math.round(ns / 1e6) : fallback);

/** How long to wait for "healthy", or null when the container has no healthcheck. */
export function healthWindowMs(c: Pick<LiveContainer, 'Config'>, gateMs: number): number | null {
  const hc = c.Config.Healthcheck;
  if (!hc?.Test?.length || hc.Test[0] === 'NONE') return null;
  const firstAnswer = ms(hc.StartPeriod, 0) + ms(hc.Interval, DEFAULT_INTERVAL_MS) + ms(hc.Timeout, DEFAULT_TIMEOUT_MS);
  return Math.min(Math.max(gateMs, firstAnswer + HEALTH_SLACK_MS), MAX_WINDOW_MS);
}

/** What is wrong with the container now, or null while it runs as it should. */
export function stateFault(c: LiveContainer, elapsedMs: number): { why: string; oomKilled: boolean } | null {
  const after = `after ${Math.max(0, Math.round(elapsedMs / 1000))} s`;
  const s = c.State;
  if (s.OOMKilled) return { why: `killed for exceeding its memory limit (OOMKilled) ${after}`, oomKilled: true };
  if (s.Restarting || c.RestartCount > 0) return { why: `restarted (exit code ${s.ExitCode}) ${after}`, oomKilled: false };
  if (!s.Running) return { why: `exited ${s.ExitCode}${s.Error ? ` (${s.Error})` : ''} ${after}`, oomKilled: false };
  if (s.Health?.Status === 'unhealthy') return { why: `turned unhealthy ${after}`, oomKilled: false };
  return null;
}

/** Watch the container `id` from its start until it passes or fails the gate. */
export async function watchGate(engine: EngineClient, id: string, opts: GateOptions): Promise<GateVerdict> {
  const started = Date.now();
  const gateMs = Math.max(0, opts.gateSeconds * 1000);
  let window: number | null | undefined;
  for (;;) {
    const c = await inspectContainer(engine, id);
    const elapsed = Date.now() - started;
    if (!c) return { passed: false, why: `was removed by someone else after ${Math.round(elapsed / 1000)} s`, oomKilled: false };
    const fault = stateFault(c, runFor(c, elapsed));
    if (fault) return { passed: false, ...fault };
    window ??= healthWindowMs(c, gateMs);
    const healthy = window === null || c.State.Health?.Status === 'healthy';
    if (elapsed >= gateMs && healthy) return { passed: true };
    if (window !== null && !healthy && elapsed >= window)
      return {
        passed: false,
        why: `did not become healthy within ${Math.round(window / 1000)} s (health: ${c.State.Health?.Status ?? 'none'})`,
        oomKilled: false,
      };
    await sleep(opts.pollMs ?? 250);
  }
}

/** How long it ran before it stopped, by the engine's own clock where it says (polls come late). */
function runFor(c: LiveContainer, elapsed: number): number {
  const from = Date.parse(c.State.StartedAt ?? '');
  const to = Date.parse(c.State.FinishedAt ?? '');
  return !c.State.Running && from > 0 && to >= from ? to - from : elapsed;
}
