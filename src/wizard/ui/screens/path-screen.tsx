// Asks where to save the script or the patch, with a default the person can take with enter. A
// path longer than the row shows its end, where the typing happens.
import { frameLines } from '../../model/frame.js';
import type { KeyEvent } from '../../model/key-event.js';
import { line, seg, truncate, type Line } from '../../model/lines.js';
import { fieldStep, type FieldState } from '../../model/text-edit.js';
import { LinesView } from '../lines-view.js';
import { useKeyState, useScreenKeys } from '../use-screen-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';

export type PathResult = { type: 'save'; path: string } | { type: 'back' };

export interface PathScreenProps {
  /** "Save a shell script" */
  title: string;
  initial: string;
  /** What will be written, e.g. "A bash script (mode 0700)…". */
  note: string;
  error?: string;
  onDone(result: PathResult): void;
}

export function PathScreen({ title, initial, note, error, onDone }: PathScreenProps) {
  const size = useTerminalSize();
  const [field, dispatch] = useKeyState(
    (s: FieldState, ev: KeyEvent) => fieldStep(s, ev.input, ev.key),
    () => ({ value: initial }),
    (d) => onDone(d.type === 'submit' ? { type: 'save', path: d.value } : { type: 'back' }),
  );
  useScreenKeys(dispatch, { help: false });
  const body: Line[] = [
    line(seg(title, 'strong')),
    [],
    line('Path: ', seg(truncate(field.value, size.columns - 7, 'start'), 'accent'), seg('█', 'accent')),
    [],
    line(seg(note, 'muted')),
  ];
  if (error) body.push([], line(seg(`✗ ${error}`, 'bad')));
  const lines = frameLines({ step: 'Act', title, body, footer: 'enter save  esc back  ctrl+u clear', size });
  return <LinesView lines={lines} width={size.columns} />;
}
