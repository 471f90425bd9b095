// The Review screen's section of containers to recreate: one row each, switched on with space,
// and the diff of its `docker run` command, toned like a file's diff.
import type { RecreateStep } from '../../plan-model/recreate.js';
import { recreateLines } from '../../plan/recreate/recreate-text.js';
import { line, padEnd, seg, type Line } from './lines.js';

export const RECREATE_HEADING = 'Containers to recreate (hardened, health-gated, reverted if they fail)';

/** The key a container's diff is open under in Review, beside file paths. */
export const recreateKey = (step: RecreateStep): string => `recreate:${step.container.name}`;

/** The diff between the container's `docker run` command now and its hardened copy's. */
export function recreateDiffView(step: RecreateStep): Line[] {
  return recreateLines(step).diff.map((l) => {
    if (l.startsWith('+++') || l.startsWith('---')) return line(seg(l, 'strong'));
    if (l.startsWith('+')) return line(seg(l, 'add'));
    if (l.startsWith('-')) return line(seg(l, 'del'));
    if (l.startsWith('@@')) return line(seg(l, 'hunk'));
    return line(l);
  });
}

/** The heading and one row per container; `cursor` is the index of the container under it, or -1. */
export function recreateRows(steps: readonly RecreateStep[], chosen: ReadonlySet<string>, cursor: number, width: number): Line[] {
  if (steps.length === 0) return [];
  return [
    [],
    line(seg(RECREATE_HEADING, 'strong')),
    ...steps.map((s, i) => {
      const on = chosen.has(s.container.name);
      const state = s.container.running ? 'running' : 'stopped';
      const closes = s.closes.length ? `closes ${s.closes.join(', ')}` : '';
      return line(
        seg(i === cursor ? '› ' : '  ', 'accent'),
        seg(on ? '[x] ' : '[ ] ', on ? 'ok' : 'muted'),
        seg(padEnd(state, 8), on ? undefined : 'muted'),
        seg(padEnd(s.container.name, 24, 'middle'), on ? 'strong' : 'muted'),
        seg(padEnd(closes, Math.max(10, width - 2 - 4 - 8 - 24), 'end'), 'muted'),
      );
    }),
  ];
}
