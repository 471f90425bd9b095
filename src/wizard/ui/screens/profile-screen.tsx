// Screen 3: pick a shipped profile, each shown with what its plan would do to this host, or type
// the path of a profile file.
import type { KeyEvent } from '../../model/key-event.js';
import { line, padEnd, seg, truncate, type Line } from '../../model/lines.js';
import { plural } from '../../model/plan-view.js';
import { initialProfileNav, profileStep, type ProfileNav, type ProfileResult } from '../../model/profile-state.js';
import { ScreenFrame } from '../screen-frame.js';
import { useKeyState, useScreenKeys } from '../use-screen-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';

export type { ProfileResult };

export interface ProfileChoice {
  name: string;
  description: string;
  /** What the plan would do on this host; absent when making the plan failed. */
  plan?: { files: number; closes: number };
  error?: string;
}

export interface ProfileScreenProps {
  choices: readonly ProfileChoice[];
  /** Why the last choice could not be used (a profile file that does not load). */
  error?: string;
  /** Reopens the path field with this text. */
  initialPath?: string;
  onDone(result: ProfileResult): void;
}

export const PROFILE_KEYS = [
  ['↑ ↓ / k j', 'move'],
  ['enter', 'choose; on "Profile file…" type a path, then enter'],
  ['esc', 'stop typing the path'],
  ['q / esc', 'back to the findings'],
] as const;

export function ProfileScreen({ choices, error, initialPath, onDone }: ProfileScreenProps) {
  const size = useTerminalSize();
  const names = choices.map((c) => c.name);
  const [nav, dispatch] = useKeyState(
    (s: ProfileNav, ev: KeyEvent) => profileStep(names, s, ev),
    () => initialProfileNav(choices.length, initialPath),
    (done) => onDone(done),
  );
  const helpOpen = useScreenKeys(dispatch, { help: !nav.editing });

  const nameWidth = Math.max(12, ...choices.map((c) => c.name.length + 2));
  const mark = (i: number) => seg(i === nav.list.cursor ? '› ' : '  ', 'accent');
  const body: Line[] = [line('Choose the profile to harden this host with:'), []];
  choices.forEach((c, i) => {
    const effect = c.plan
      ? seg(`changes ${plural(c.plan.files, 'file')}, closes ${plural(c.plan.closes, 'finding')}`, c.plan.files > 0 ? undefined : 'muted')
      : seg(`no plan: ${c.error ?? 'unknown error'}`, 'bad');
    body.push(line(mark(i), seg(padEnd(c.name, nameWidth), 'strong'), effect));
    body.push(line('  ', ' '.repeat(nameWidth), seg(c.description, 'muted')));
  });
  body.push(line(mark(choices.length), seg('Profile file…', 'strong')));
  if (nav.editing)
    body.push(line('  ', ' '.repeat(nameWidth), 'path: ', seg(truncate(nav.field.value, size.columns - nameWidth - 9, 'start'), 'accent'), seg('█', 'accent')));
  if (error) body.push([], line(seg(`✗ ${error}`, 'bad')));

  const footer = nav.editing ? 'type the path  enter load  esc stop typing  ctrl+u clear' : '↑↓ move  enter choose  q back  ? help';
  return <ScreenFrame step="Profile" body={body} footer={footer} size={size} keys={PROFILE_KEYS} helpOpen={helpOpen} />;
}
