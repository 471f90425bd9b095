// The frame around every screen: a title bar, the body, and a key-hint footer, sized so the whole
// frame is one row shorter than the terminal (a frame as tall as the terminal makes Ink clear
// the screen on every update).
import { cells, fitLine, line, seg, truncate, type Line } from './lines.js';

export const STEPS = ['Inspect', 'Findings', 'Profile', 'Review', 'Act'] as const;
export type StepName = (typeof STEPS)[number];

export interface TerminalSize {
  columns: number;
  rows: number;
}

export interface FrameInput {
  step: StepName;
  /** Shown after the step name, e.g. the file a diff belongs to. */
  title?: string;
  /** Right side of the title bar, e.g. "host web-1". */
  context?: string;
  body: readonly Line[];
  /** Key hints, e.g. "↑↓ move  enter open  q back  ? help". */
  footer: string;
  size: TerminalSize;
}

/** Body rows available in a terminal of `rows` rows: title, blank, body, blank, footer, one spare. */
export function bodyHeight(rows: number): number {
  return Math.max(3, rows - 5);
}

export function frameLines(input: FrameInput): Line[] {
  const { columns } = input.size;
  const n = STEPS.indexOf(input.step) + 1;
  const left = line(
    seg('docker-harden', 'strong'),
    seg(' · '),
    seg(`${n}/${STEPS.length} ${input.step}`, 'accent'),
    // A title is often a path: cut in its middle, the file name stays.
    ...(input.title ? [{ ...seg(` › ${input.title}`), cut: 'middle' as const }] : []),
  );
  const leftWidth = cells(left.map((s) => s.text).join(''));
  const context = input.context ? truncate(input.context, Math.max(0, columns - leftWidth - 2)) : '';
  const gap = Math.max(1, columns - leftWidth - cells(context));
  const title = context ? [...left, seg(' '.repeat(gap)), seg(context, 'muted')] : left;

  const height = bodyHeight(input.size.rows);
  const body = input.body.slice(0, height).map((l) => fitLine(l, columns));
  while (body.length < height) body.push([]);
  return [fitLine(title, columns), [], ...body, [], fitLine(line(seg(input.footer, 'muted')), columns)];
}

/** The body shown while "?" is held open: every key of the screen with what it does. */
export function helpBody(keys: KeyHelp): Line[] {
  const width = Math.max(...keys.map(([k]) => cells(k)), 5) + 2;
  return [
    line(seg('Keys on this screen', 'strong')),
    [],
    ...keys.map(([k, what]) => line(seg(`  ${k}`.padEnd(width + 2), 'accent'), what)),
    line(seg('  ctrl+c'.padEnd(width + 2), 'accent'), 'leave the wizard without changes'),
    [],
    line(seg('Press any key to close this help.', 'muted')),
  ];
}

export type KeyHelp = readonly (readonly [string, string])[];

/** A screen's frame, or its key help in the same frame while "?" holds it open. */
export function screenLines(input: FrameInput & { keys: KeyHelp; helpOpen: boolean }): Line[] {
  const { keys, helpOpen, ...frame } = input;
  return frameLines(helpOpen ? { ...frame, body: helpBody(keys), footer: 'any key closes the help' } : frame);
}
