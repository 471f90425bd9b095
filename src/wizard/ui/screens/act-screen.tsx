// Screen 5: what to do with the reviewed plan. Options that cannot be taken stay visible with the
// reason, so the person learns why (not root, a blocked plan) and what to do instead.
import { frameLines, helpBody } from '../../model/frame.js';
import { line, padEnd, seg, wrap, type Line } from '../../model/lines.js';
import { LinesView } from '../lines-view.js';
import { useKeyState, useScreenKeys } from '../use-screen-keys.js';
import type { KeyEvent } from '../../model/key-event.js';
import { initialListNav, listStep, type ListNav } from '../../model/list-state.js';
import { useTerminalSize } from '../use-terminal-size.js';

export type ActChoice = 'write' | 'script' | 'patch' | 'quit';

export interface ActOption {
  id: ActChoice;
  label: string;
  detail: string;
  /** Why this option cannot be taken here; shown in place of the detail. */
  disabled?: string;
}

export type ActResult = { type: ActChoice } | { type: 'back' };

export interface ActScreenProps {
  /** "Profile strict: 1 file, 1 permission fix, 1 step." */
  summary: string;
  options: readonly ActOption[];
  onDone(result: ActResult): void;
}

export const ACT_KEYS = [
  ['↑ ↓ / k j', 'move'],
  ['enter', 'do it'],
  ['q / esc', 'back to the review'],
] as const;

export function ActScreen({ summary, options, onDone }: ActScreenProps) {
  const size = useTerminalSize();
  const enabled = options.map((o) => !o.disabled);
  const [nav, dispatch] = useKeyState(
    (st: ListNav, ev: KeyEvent) => listStep(enabled, st, ev),
    () => initialListNav(enabled),
    (done) => onDone(done === 'back' ? { type: 'back' } : { type: options[done].id }),
  );
  const helpOpen = useScreenKeys(dispatch);
  const cursor = nav.cursor;

  const width = Math.max(...options.map((o) => o.label.length)) + 3;
  const body: Line[] = [line(summary), [], line('What now?'), []];
  options.forEach((o, i) => {
    body.push(
      line(
        seg(i === cursor ? '› ' : '  ', 'accent'),
        seg(padEnd(o.label, width), o.disabled ? 'muted' : 'strong'),
        o.disabled ? seg('unavailable', 'warn') : seg(o.detail, 'muted'),
      ),
    );
    // The reason in full: it says what to do instead.
    if (o.disabled) body.push(...wrap(o.disabled, size.columns - width - 2).map((t) => line(' '.repeat(width + 2), seg(t, 'muted'))));
  });
  const lines = frameLines({
    step: 'Act',
    body: helpOpen ? helpBody(ACT_KEYS) : body,
    footer: helpOpen ? 'any key closes the help' : '↑↓ move  enter choose  q back  ? help',
    size,
  });
  return <LinesView lines={lines} width={size.columns} />;
}
