// Fitting the table's text to a terminal, or not at all. With a width (stdout is a terminal) long
// text wraps under its own column and a title too long for its line loses its middle, measured in
// terminal cells (wide characters take two). Without one (a pipe or a file) every line is written
// whole, whatever COLUMNS says: a reader with grep or a CI log must see the full evidence.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { terminalLine } from '../core/terminal-text.js';

/** The narrowest room any text gets, so a tiny terminal still shows words rather than letters. */
const MIN_ROOM = 12;

/**
 * Text from the host (names, evidence, reasons) as one line with every control character shown
 * escaped: a newline in a container name cannot start a fake row, an ESC cannot restyle the screen.
 */
export const safeLine = (text: string): string => terminalLine(text);

export const cells = (text: string): number => stringWidth(text);

export const padCells = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - cells(text)));

/** `text` cut to `room` cells with "…" in the middle, so both its start and its end stay visible. */
export function elideMiddle(text: string, room: number): string {
  if (cells(text) <= room) return text;
  // cli-truncate can keep a wide character that straddles the limit: retry one cell shorter.
  for (let r = room; r > 0; r--) {
    const cut = cliTruncate(text, r, { position: 'middle' });
    if (cells(cut) <= room) return cut;
  }
  return '';
}

/**
 * `text` as lines starting at column `indent`; on a terminal wrapped at words (long words broken)
 * with continuation lines `hang` cells further in. Without a width: one line, whole.
 */
export function wrapAt(text: string, width: number | undefined, indent: number, hangBy = 0): string[] {
  const pad = ' '.repeat(indent);
  if (width === undefined) return [pad + text];
  // On a narrow terminal the hanging indent gives way before the text does.
  const hang = Math.min(hangBy, Math.max(0, width - indent - MIN_ROOM));
  const wrap = (t: string, room: number) => wrapAnsi(t, Math.max(room, MIN_ROOM), { hard: true, trim: true }).split('\n');
  // The first line has `hang` more cells than the rest: wrap it alone, then the remainder.
  const whole = text.trimStart();
  if (cells(whole) <= width - indent) return [pad + whole];
  let [first = '', ...rest] = wrap(whole, width - indent);
  if (whole.startsWith(first)) {
    const remainder = whole.slice(first.length).trimStart();
    rest = remainder ? wrap(remainder, width - indent - hang) : [];
  } else {
    [first = '', ...rest] = wrap(whole, width - indent - hang);
  }
  return [pad + first, ...rest.map((l) => pad + ' '.repeat(hang) + l)];
}

/** A list ("web, worker, cache") wrapped between its items where it can be. */
export function wrapList(label: string, items: readonly string[], width: number | undefined, indent: number): string[] {
  return wrapAt(`${label}: ${items.join(', ')}`, width, indent, label.length + 2);
}

/** The summary is never cut: on a terminal it wraps between its comma-separated parts. */
export function wrapAtCommas(text: string, width: number | undefined): string[] {
  if (width === undefined) return [text];
  const lines: string[] = [];
  const parts = text.split(', ');
  parts.forEach((part, i) => {
    const last = lines.length - 1;
    // Room for the comma that follows every part but the last.
    const comma = i < parts.length - 1 ? 1 : 0;
    if (last >= 0 && cells(lines[last]!) + 2 + cells(part) + comma <= width) lines[last] += `, ${part}`;
    else {
      if (last >= 0) lines[last] += ',';
      lines.push(part);
    }
  });
  return lines;
}
