// The plan minus the files a person switched off in Review. What those files would have closed
// is no longer claimed, their impact notes go, and so do the steps only they needed: a script or
// apply of the rest must not restart dockerd for a daemon.json it no longer writes.
import type { ArtifactKind, Plan, PlanNote, PlanStep } from '../plan/plan.js';

/** Which written artifacts make a step necessary; steps not listed here do not depend on files. */
const STEP_NEEDS: Record<string, readonly ArtifactKind[]> = {
  'systemd-daemon-reload': ['systemd-dropin'],
  'audit-load': ['audit-rules'],
  'docker-socket-restart': ['systemd-dropin', 'daemon-json'],
  'docker-restart': ['systemd-dropin', 'daemon-json'],
  'docker-reload': ['daemon-json'],
  'docker-reload-live-restore': ['daemon-json'],
  'dockerd-reload': ['daemon-json'],
};

export function withoutFiles(plan: Plan, paths: Iterable<string>): Plan {
  const off = new Set(paths);
  const removed = plan.files.filter((f) => off.has(f.path) && f.kind !== 'unchanged');
  if (removed.length === 0) return plan;
  const files = plan.files.filter((f) => !off.has(f.path) || f.kind === 'unchanged');

  const stillClosed = new Set([...files.filter((f) => f.kind !== 'unchanged').flatMap((f) => f.closes), ...plan.permissions.flatMap((p) => p.closes)]);
  const lostIds = new Set(removed.flatMap((f) => f.closes).filter((id) => !stillClosed.has(id)));
  const belongsToRemoved = (n: PlanNote) => (n.ruleId !== undefined && lostIds.has(n.ruleId)) || removed.some((f) => n.text.includes(f.path));

  const kept = new Set(files.filter((f) => f.kind !== 'unchanged').map((f) => f.artifact));
  const steps = plan.steps.filter((s) => stepStillNeeded(s, kept));
  const restarts = steps.some((s) => /restart/.test(s.id));
  return {
    ...plan,
    files,
    steps,
    // The restart warning carries no rule id: it goes with the last restart step.
    warnings: plan.warnings.filter((w) => !belongsToRemoved(w) && (restarts || !/^Restarting docker /.test(w.text))),
    manual: plan.manual.filter((m) => !(m.ruleId === undefined && removed.some((f) => m.text.includes(f.path)))),
  };
}

function stepStillNeeded(step: PlanStep, kept: ReadonlySet<ArtifactKind>): boolean {
  const needs = STEP_NEEDS[step.id];
  return needs === undefined || needs.some((a) => kept.has(a));
}

