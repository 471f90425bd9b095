// One key map for every screen, so arrows and j/k, enter, space, q/esc and ? mean the same thing
// everywhere. Takes Ink's key flags but does not import Ink.

export type KeyAction = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'enter' | 'toggle' | 'back' | 'help' | 'continue' | 'quit' | 'yes' | 'no';

export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
}

export function keyAction(input: string, key: KeyFlags): KeyAction | null {
  if (key.ctrl) return input === 'c' ? 'quit' : null;
  if (key.upArrow || input === 'k') return 'up';
  if (key.downArrow || input === 'j') return 'down';
  if (key.pageUp) return 'pageUp';
  if (key.pageDown) return 'pageDown';
  if (key.home || input === 'g') return 'home';
  if (key.end || input === 'G') return 'end';
  if (key.return) return 'enter';
  if (key.escape || input === 'q') return 'back';
  switch (input) {
    case ' ':
      return 'toggle';
    case '?':
      return 'help';
    case 'c':
      return 'continue';
    case 'y':
    case 'Y':
      return 'yes';
    case 'n':
    case 'N':
      return 'no';
    default:
      return null;
  }
}

/** The keys that leave a list screen, the same on each: c goes on, q / esc goes back. */
export function leaving(action: KeyAction | null): 'next' | 'back' | undefined {
  if (action === 'continue') return 'next';
  return action === 'back' ? 'back' : undefined;
}

/**
 * Plain keys typed faster than they are read arrive as one string ("jj\r"); split them back into
 * single key presses. Escape sequences (arrows) are already split by Ink; null means "leave as is".
 */
export function splitTyped(input: string): [string, KeyFlags][] | null {
  const chars = [...input];
  if (chars.length < 2 || input.includes('\u001B')) return null;
  return chars.map((ch) => (ch === '\r' || ch === '\n' ? ['\r', { return: true }] : [ch, {}]));
}
