// The few terminal styles the table uses, applied only when colour is on (never in files or pipes).
import { terminalLine } from '../core/terminal-text.js';

export type Style = 'red' | 'green' | 'yellow' | 'cyan' | 'dim' | 'bold';

const CODES: Record<Style, [number, number]> = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

export function paint(text: string, style: Style, enabled: boolean): string {
  if (!enabled || text === '') return text;
  const [open, close] = CODES[style];
  return `\u001B[${open}m${text}\u001B[${close}m`;
}

/** Cut to at most `width` characters (code points), marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, Math.max(width, 0)).join('');
  return chars.slice(0, width - 1).join('') + '…';
}

/**
 * Control characters made visible: evidence can quote values from images and labels, and an escape
 * sequence printed raw would restyle (or rewrite) the user's terminal. Line breaks become spaces.
 */
export function sanitize(text: string): string {
  return terminalLine(text);
}
