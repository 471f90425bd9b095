// One unified diff inside Review (a file's, or a container's run command): coloured, scrolled to
// `top`, each line cut at the terminal's width. Review owns the keys, so this only lays out what it is given.
import { bodyHeight, type TerminalSize } from '../../model/frame.js';
import type { Line } from '../../model/lines.js';
import { rangeLabel } from '../../model/scroll.js';
import { ScreenFrame } from '../screen-frame.js';

export const DIFF_KEYS = [
  ['↑ ↓ / k j', 'scroll a line'],
  ['pgup pgdn', 'scroll a page'],
  ['g / G', 'top / bottom'],
  ['q / esc / enter', 'back to the file list'],
] as const;

export interface DiffViewProps {
  title: string;
  lines: Line[];
  top: number;
  size: TerminalSize;
  helpOpen: boolean;
}

export function DiffView({ title, lines, top, size, helpOpen }: DiffViewProps) {
  const height = bodyHeight(size.rows);
  // A resize can leave the old top past the new end.
  const start = Math.min(top, Math.max(0, lines.length - height));
  const where = rangeLabel(start, height, lines.length);
  const footer = `↑↓ scroll  pgup/pgdn page  q back  ? help${where ? `   lines ${where}` : ''}`;
  return <ScreenFrame step="Review" title={title} body={lines.slice(start, start + height)} footer={footer} size={size} keys={DIFF_KEYS} helpOpen={helpOpen} />;
}
