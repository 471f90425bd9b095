// What every wizard screen draws: lines of toned segments. Screens are computed as lines by pure
// functions, so the same layout feeds Ink, the first frame written before Ink has loaded, and tests.
import { createRequire } from 'node:module';
import { terminalLine } from '../../core/terminal-text.js';

/**
 * Measuring, cutting and wrapping text beyond our own narrow characters, loaded on first use:
 * setting up string-width's tables takes tens of milliseconds, and the first frame (our text only)
 * is drawn without them.
 */
let wide: { stringWidth: (t: string) => number; cliTruncate: typeof import('cli-truncate').default; wrapAnsi: typeof import('wrap-ansi').default } | undefined;
function wideText(): NonNullable<typeof wide> {
  wide ??= {
    stringWidth: (createRequire(import.meta.url)('string-width') as typeof import('string-width')).default,
    cliTruncate: (createRequire(import.meta.url)('cli-truncate') as typeof import('cli-truncate')).default,
    wrapAnsi: (createRequire(import.meta.url)('wrap-ansi') as typeof import('wrap-ansi')).default,
  };
  return wide;
}

/** Text of printable ASCII and the marks our screens draw, each exactly one cell (as string-width counts them). */
const NARROW = /^[\x20-\x7E·…›✓✗⚠↑↓←→─│⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]*$/;

/** Tabs as two cells, then every other control character shown escaped (\x1B), never sent raw. */
const visibleText = (text: string): string => terminalLine(text.replace(/\t/g, '  '));

/** Meaning, not colour: the renderer maps tones to colours, or to nothing under NO_COLOR. */
export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted' | 'strong' | 'accent' | 'add' | 'del' | 'hunk';

export interface Segment {
  text: string;
  tone?: Tone;
  /** Where a segment too long for the line loses its text: a path keeps both ends ('middle'). */
  cut?: Cut;
}

/** Which part of a text too long for its room gives way to "…". */
export type Cut = 'end' | 'middle' | 'start';

export type Line = Segment[];

export const seg = (text: string, tone?: Tone): Segment => (tone ? { text, tone } : { text });

/** A path: elided in the middle when it does not fit, so the file name stays visible. */
export const pathSeg = (text: string, tone?: Tone): Segment => ({ ...seg(text, tone), cut: 'middle' });

export const line = (...parts: (Segment | string)[]): Line => parts.map((p) => (typeof p === 'string' ? { text: p } : p));

/** Terminal cells a string takes (wide East Asian characters and emoji take two). */
export function cells(text: string): number {
  return NARROW.test(text) ? text.length : wideText().stringWidth(text);
}

/** Cut to `width` cells, marking the cut with "…"; control characters are shown escaped. */
export function truncate(text: string, width: number, position: Cut = 'end'): string {
  const clean = visibleText(text);
  if (width <= 0) return '';
  if (cells(clean) <= width) return clean;
  if (NARROW.test(clean)) return cutNarrow(clean, width, position);
  const { cliTruncate } = wideText();
  // cli-truncate keeps a wide character that starts at the edge of the kept cells, one cell too
  // many; cutting one cell shorter then fits.
  for (let room = width; room > 0; room--) {
    const cut = cliTruncate(clean, room, { position });
    if (cells(cut) <= width) return cut;
  }
  return '';
}

/** cli-truncate's cut of text whose characters are one cell each, where an index is a cell. */
function cutNarrow(text: string, width: number, position: Cut): string {
  if (width === 1) return '…';
  if (position === 'start') return `…${text.slice(text.length - width + 1)}`;
  if (position === 'end') return `${text.slice(0, width - 1)}…`;
  const half = Math.floor(width / 2);
  return `${text.slice(0, half)}…${text.slice(text.length - (width - half) + 1)}`;
}

/** A path cut in the middle: "/etc/…/docker.rules" keeps the file name. */
export const elidePath = (path: string, width: number): string => truncate(path, width, 'middle');

export function padEnd(text: string, width: number, position: Cut = 'end'): string {
  const t = truncate(text, width, position);
  return t + ' '.repeat(Math.max(0, width - cells(t)));
}

export function padStart(text: string, width: number): string {
  const t = truncate(text, width);
  return ' '.repeat(Math.max(0, width - cells(t))) + t;
}

/** Cut a whole line to `width` cells: long lines are truncated, never wrapped. */
export function fitLine(parts: Line, width: number): Line {
  const out: Line = [];
  let left = width;
  for (const part of parts) {
    const text = visibleText(part.text);
    const w = cells(text);
    if (w <= left) {
      out.push({ ...part, text });
      left -= w;
      continue;
    }
    out.push({ ...part, text: truncate(text, left, part.cut) });
    break;
  }
  return out;
}

export function plainLine(parts: Line): string {
  return parts.map((p) => p.text).join('');
}

export function plainText(lines: readonly Line[]): string {
  return lines.map(plainLine).join('\n');
}

/** Word-wrap to `width` cells; words longer than a line are cut into pieces. */
export function wrap(text: string, width: number): string[] {
  const words = terminalLine(text).split(/ +/).filter(Boolean).join(' ');
  return wideText().wrapAnsi(words, Math.max(1, width), { hard: true, trim: true }).split('\n');
}

/** Wrap a line of segments: the first segment leads, the rest is wrapped under it in its tone. */
export function wrapLine(parts: Line, width: number): Line[] {
  if (cells(plainLine(parts)) <= width || parts.length === 0) return [parts];
  const [lead, ...rest] = parts.length > 1 ? parts : [{ text: '' }, ...parts];
  const indent = cells(lead.text);
  const tone = rest.find((s) => s.tone)?.tone;
  return wrap(rest.map((s) => s.text).join(''), width - indent).map((t, i) => [i === 0 ? lead : { text: ' '.repeat(indent) }, seg(t, tone)]);
}
