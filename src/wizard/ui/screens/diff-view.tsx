// One file's unified diff inside Review: coloured, scrolled to `top`, each line cut at the
// terminal's width. Review owns the keys, so this only lays out what it is given.
import type { FileChange } from '../../../plan-model/plan.js';
import { bodyHeight, frameLines, helpBody, type TerminalSize } from '../../model/frame.js';
import { diffView } from '../../model/plan-view.js';
import { rangeLabel } from '../../model/scroll.js';
import { LinesView } from '../lines-view.js';

export const DIFF_KEYS = [
  ['↑ ↓ / k j', 'scroll a line'],
  ['pgup pgdn', 'scroll a page'],
  ['g / G', 'top / bottom'],
  ['q / esc / enter', 'back to the file list'],
] as const;

export interface DiffViewProps {
  file: FileChange;
  top: number;
  size: TerminalSize;
  helpOpen: boolean;
}

export function DiffView({ file, top, size, helpOpen }: DiffViewProps) {
  const lines = diffView(file);
  const height = bodyHeight(size.rows);
  // A resize can leave the old top past the new end.
  const start = Math.min(top, Math.max(0, lines.length - height));
  const where = rangeLabel(start, height, lines.length);
  const frame = frameLines({
    step: 'Review',
    title: file.path,
    body: helpOpen ? helpBody(DIFF_KEYS) : lines.slice(start, start + height),
    footer: helpOpen ? 'any key closes the help' : `↑↓ scroll  pgup/pgdn page  q back  ? help${where ? `   lines ${where}` : ''}`,
    size,
  });
  return <LinesView lines={frame} width={size.columns} />;
}
