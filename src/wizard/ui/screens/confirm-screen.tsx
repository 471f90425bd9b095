// One yes/no question; no is the default, so a stray enter never writes anything.
import { frameLines } from '../../model/frame.js';
import type { KeyEvent } from '../../model/key-event.js';
import { keyAction } from '../../model/keys.js';
import { line, pathSeg, seg, wrap, type Line } from '../../model/lines.js';
import { listStep, type ListNav } from '../../model/list-state.js';
import { LinesView } from '../lines-view.js';
import { useKeyState, useScreenKeys } from '../use-screen-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';

export interface ConfirmScreenProps {
  question: string;
  details: readonly string[];
  yes: string;
  no: string;
  onDone(yes: boolean): void;
}

/** Row 0 is "no", row 1 is "yes"; y and n answer directly. */
export function confirmStep(nav: ListNav, ev: KeyEvent): ListNav {
  if (nav.done !== undefined) return nav;
  const action = keyAction(ev.input, ev.key);
  if (action === 'yes') return { ...nav, done: 1 };
  if (action === 'no') return { ...nav, done: 0 };
  return listStep([true, true], nav, ev);
}

export function ConfirmScreen({ question, details, yes, no, onDone }: ConfirmScreenProps) {
  const size = useTerminalSize();
  const [nav, dispatch] = useKeyState(
    confirmStep,
    () => ({ cursor: 0 }),
    (d) => onDone(d === 1),
  );
  useScreenKeys(dispatch, { help: false });
  const body: Line[] = [
    ...wrap(question, size.columns).map((t) => line(seg(t, 'strong'))),
    // The details list the files: a long path loses its middle, not its file name.
    ...details.map((d) => line(pathSeg(d, 'muted'))),
    [],
    line(seg(nav.cursor === 0 ? '› ' : '  ', 'accent'), no),
    line(seg(nav.cursor === 1 ? '› ' : '  ', 'accent'), yes),
  ];
  return <LinesView lines={frameLines({ step: 'Act', body, footer: '↑↓ move  enter choose  y yes  n/q no', size })} width={size.columns} />;
}
