// Screen 5: what to do with the reviewed plan. Options that cannot be taken stay visible with the
// reason, so the person learns why (not root, a blocked plan) and what to do instead. The screen
// comes back after a script or patch is saved, with what was saved on top.
import type { KeyEvent } from '../../model/key-event.js';
import { line, padEnd, seg, wrap, type Line } from '../../model/lines.js';
import { initialListNav, listStep, type ListNav } from '../../model/list-state.js';
import { ScreenFrame } from '../screen-frame.js';
import { useKeyState, useScreenKeys } from '../use-screen-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';

export type ActChoice = 'write' | 'script' | 'patch' | 'report' | 'quit';

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
  /** What this visit has done so far, e.g. "✓ Wrote ./docker-harden.sh: …". */
  notices?: readonly string[];
  options: readonly ActOption[];
  /** The option the cursor starts on: the one last taken, when the person comes back to this screen. */
  initial?: ActChoice;
  onDone(result: ActResult): void;
}

export const ACT_KEYS = [
  ['↑ ↓ / k j', 'move'],
  ['enter', 'do it'],
  ['q / esc', 'back to the review'],
] as const;

export function ActScreen({ summary, notices = [], options, initial, onDone }: ActScreenProps) {
  const size = useTerminalSize();
  const enabled = options.map((o) => !o.disabled);
  const [nav, dispatch] = useKeyState(
    (st: ListNav, ev: KeyEvent) => listStep(enabled, st, ev),
    () =>
      initialListNav(
        enabled,
        Math.max(
          0,
          options.findIndex((o) => o.id === initial),
        ),
      ),
    (done) => onDone(done === 'back' ? { type: 'back' } : { type: options[done].id }),
  );
  const helpOpen = useScreenKeys(dispatch);

  const width = Math.max(...options.map((o) => o.label.length)) + 3;
  const body: Line[] = [...wrap(summary, size.columns).map((t) => line(t))];
  for (const n of notices) body.push(...wrap(n, size.columns - 2).map((t, i) => line(seg(i === 0 ? '✓ ' : '  ', 'ok'), t)));
  const changes = options.some((o) => o.id === 'write');
  body.push([], line(changes ? 'What now?' : 'There is nothing to write or run; the audit can still be saved.'), []);
  options.forEach((o, i) => {
    body.push(
      line(
        seg(i === nav.cursor ? '› ' : '  ', 'accent'),
        seg(padEnd(o.label, width), o.disabled ? 'muted' : 'strong'),
        o.disabled ? seg('unavailable', 'warn') : seg(o.detail, 'muted'),
      ),
    );
    // The reason in full: it says what to do instead.
    if (o.disabled) body.push(...wrap(o.disabled, size.columns - width - 2).map((t) => line(' '.repeat(width + 2), seg(t, 'muted'))));
  });
  return <ScreenFrame step="Act" body={body} footer="↑↓ move  enter choose  q back  ? help" size={size} keys={ACT_KEYS} helpOpen={helpOpen} />;
}
