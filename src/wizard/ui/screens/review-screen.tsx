// Screen 4: the files the plan writes, with their size of change and impact; enter opens a
// file's diff, space switches a file in or out of what will be written. Below them, the standalone
// containers the plan could recreate hardened: none is chosen until space picks it.
import { useRef } from 'react';
import type { Plan, PlanNote } from '../../../plan-model/plan.js';
import type { RecreateStep } from '../../../plan-model/recreate.js';
import { planBlockers } from '../../../plan-model/plan.js';
import { bodyHeight } from '../../model/frame.js';
import type { KeyEvent } from '../../model/key-event.js';
import { line, padEnd, padStart, pathSeg, seg, wrap, type Line } from '../../model/lines.js';
import { changedFiles, diffStat, diffView, planWideWarnings, plural, warningsFor } from '../../model/plan-view.js';
import { recreateDiffView, recreateKey, recreateRows } from '../../model/recreate-view.js';
import { recreateLines } from '../../../plan/recreate/recreate-text.js';
import { initialReviewNav, reviewStep, type ReviewNav } from '../../model/review-state.js';
import { follow } from '../../model/scroll.js';
import { ScreenFrame } from '../screen-frame.js';
import { useKeyState, useScreenKeys } from '../use-screen-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { DiffView } from './diff-view.js';

export type ReviewResult = { type: 'next' | 'back'; excluded: string[]; cursor: number; recreate: string[] };

export interface ReviewScreenProps {
  plan: Plan;
  excluded: readonly string[];
  /** Containers a plan with recreate on would recreate, and the names chosen among them. */
  containers?: readonly RecreateStep[];
  recreate?: readonly string[];
  /** The file the cursor starts on: where it was, when the person comes back from Act. */
  cursor?: number;
  onDone(result: ReviewResult): void;
}

export const REVIEW_KEYS = [
  ['↑ ↓ / k j', 'move'],
  ['enter', "open the file's diff"],
  ['space', 'write this file, or leave it out; recreate this container, or not'],
  ['c', 'continue to writing, script or patch'],
  ['q / esc', 'back to the profiles'],
] as const;

export function ReviewScreen({ plan, excluded, containers = [], recreate = [], cursor = 0, onDone }: ReviewScreenProps) {
  const size = useTerminalSize();
  const files = changedFiles(plan);
  const [nav, dispatch] = useKeyState(
    (s: ReviewNav, ev: KeyEvent) => reviewStep(files, s, ev, containers),
    () => initialReviewNav(excluded, Math.min(cursor, Math.max(0, files.length + containers.length - 1)), recreate),
    (type, s) =>
      onDone({ type, excluded: [...s.excluded], cursor: s.cursor, recreate: containers.map((c) => c.container.name).filter((n) => s.recreate.has(n)) }),
  );
  const helpOpen = useScreenKeys(dispatch, { page: bodyHeight(size.rows) });
  const offset = useRef(0);

  const open = files.find((f) => f.path === nav.diff);
  if (open) return <DiffView title={open.path} lines={diffView(open)} top={nav.diffTop} size={size} helpOpen={helpOpen} />;
  const openStep = containers.find((c) => recreateKey(c) === nav.diff);
  if (openStep)
    return <DiffView title={`docker run of ${openStep.container.name}`} lines={recreateDiffView(openStep)} top={nav.diffTop} size={size} helpOpen={helpOpen} />;

  const listHeight = Math.max(1, Math.min(files.length, bodyHeight(size.rows) - 9 - (containers.length ? containers.length + 2 : 0)));
  offset.current = follow(offset.current, Math.min(nav.cursor, files.length - 1), listHeight, files.length);
  const pathWidth = Math.max(10, size.columns - 2 - 4 - 8 - 18);
  const selected = files.filter((f) => !nav.excluded.has(f.path)).length;
  const body: Line[] = [
    line(
      `Profile ${plan.profile}: ${selected} of ${plural(files.length, 'file')} selected, ${plural(plan.permissions.length, 'permission fix', 'permission fixes')}, ${plural(plan.steps.length, 'step')}.`,
    ),
    ...planBlockers(plan).map((b) => line(seg(`✗ blocked: ${b.text}`, 'bad'))),
    [],
  ];
  if (files.length === 0) body.push(line(seg('This profile writes no files on this host.', 'muted')));
  files.slice(offset.current, offset.current + listHeight).forEach((f, i) => {
    const off = nav.excluded.has(f.path);
    const { added, removed } = diffStat(f);
    const warnings = warningsFor(plan, f).length;
    body.push(
      line(
        seg(offset.current + i === nav.cursor ? '› ' : '  ', 'accent'),
        seg(off ? '[ ] ' : '[x] ', off ? 'muted' : 'ok'),
        seg(padEnd(f.kind, 8), off ? 'muted' : undefined),
        seg(padEnd(f.path, pathWidth, 'middle'), off ? 'muted' : 'strong'),
        seg(padStart(`+${added}`, 6), 'add'),
        seg(padStart(`-${removed}`, 6), 'del'),
        seg(warnings ? padStart(`! ${warnings}`, 6) : '', 'warn'),
      ),
    );
  });
  body.push(...recreateRows(containers, nav.recreate, nav.cursor - files.length, size.columns));
  const step = containers[nav.cursor - files.length];
  if (step) body.push([], ...wrap(recreateLines(step).head, size.columns - 2).map((t) => line(seg(t, 'muted'))));
  const current = files[nav.cursor];
  if (current) {
    const notes = warningsFor(plan, current);
    body.push([], line(pathSeg(current.path, 'strong')));
    if (current.closes.length) body.push(...wrap(`closes ${current.closes.join(', ')}`, size.columns - 2).map((t) => line('  ', seg(t, 'muted'))));
    if (notes.length === 0) body.push(line(seg('  No impact warnings for this file.', 'muted')));
    for (const n of notes) body.push(...noteLines(n, size.columns));
  }
  const general = planWideWarnings(plan);
  if (general.length) body.push([], line(seg('For the whole plan', 'strong')), ...general.flatMap((n) => noteLines(n, size.columns)));
  return (
    <ScreenFrame
      step="Review"
      body={body}
      footer="↑↓ move  enter diff  space toggle  c continue  q back  ? help"
      size={size}
      keys={REVIEW_KEYS}
      helpOpen={helpOpen}
    />
  );
}

function noteLines(n: PlanNote, width: number): Line[] {
  return wrap(`${n.ruleId ? `[${n.ruleId}] ` : ''}${n.text}`, width - 4).map((t, i) => line(seg(i === 0 ? '  ! ' : '    ', 'warn'), t));
}
