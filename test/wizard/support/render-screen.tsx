// Rendering a wizard screen for a test: colour off, 80x24 pinned, keys typed through stdin, and
// waits that poll the frame instead of sleeping a fixed time.
import { type ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { WizardContext } from '../../../src/wizard/ui/wizard-context.js';
import type { TerminalSize } from '../../../src/wizard/model/frame.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  pageDown: '\u001B[6~',
  enter: '\r',
  escape: '\u001B',
  space: ' ',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
  backspace: '\u007F',
} as const;

export const SIZE_80X24: TerminalSize = { columns: 80, rows: 24 };

export type Rendered = ReturnType<typeof render>;

export function renderScreen(el: ReactElement, size: TerminalSize = SIZE_80X24): Rendered {
  return render(<WizardContext.Provider value={{ color: false, size }}>{el}</WizardContext.Provider>);
}

/** The current frame with runs of blank rows (the padding to the terminal's height) shown as one. */
export function frame(r: Pick<Rendered, 'lastFrame'>): string {
  return (r.lastFrame() ?? '')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Rows in the current frame, and the widest of them in terminal cells. */
export function frameSize(r: Pick<Rendered, 'lastFrame'>): { rows: number; widest: number } {
  const rows = (r.lastFrame() ?? '').split('\n');
  return { rows: rows.length, widest: Math.max(...rows.map((l) => [...l].length)) };
}

export async function waitFor(check: () => boolean, what = 'condition', timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Type keys one at a time, letting the screen settle after each: wait for the frame the key draws
 * (on a loaded machine that can take far longer than a fixed sleep), or a bound for a key that
 * changes nothing on screen.
 */
export async function type(r: Pick<Rendered, 'stdin' | 'frames'>, ...keys: string[]): Promise<void> {
  const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
  for (const k of keys) {
    const drawn = r.frames.length;
    r.stdin.write(k);
    const start = Date.now();
    while (r.frames.length === drawn && Date.now() - start < 500) await sleep(5);
    await sleep(15);
  }
}
