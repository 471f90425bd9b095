// A cursor over a short list of choices, some of which may be unavailable: the state behind the
// Profile, Act and Confirm screens.
import type { KeyEvent } from './key-event.js';
import { keyAction } from './keys.js';

export interface ListNav {
  cursor: number;
  /** Set once the person chose: the index taken, or 'back'. */
  done?: number | 'back';
}

export function initialListNav(enabled: readonly boolean[], start = 0): ListNav {
  const first = enabled.findIndex((ok, i) => ok && i >= start);
  return { cursor: first >= 0 ? first : Math.max(0, enabled.indexOf(true)) };
}

export function listStep(enabled: readonly boolean[], nav: ListNav, ev: KeyEvent): ListNav {
  if (nav.done !== undefined) return nav;
  const move = (dir: 1 | -1, far = false): ListNav => {
    let to = nav.cursor;
    for (let i = nav.cursor + dir; i >= 0 && i < enabled.length; i += dir) {
      if (!enabled[i]) continue;
      to = i;
      if (!far) break;
    }
    return to === nav.cursor ? nav : { cursor: to };
  };
  switch (keyAction(ev.input, ev.key)) {
    case 'up':
      return move(-1);
    case 'down':
      return move(1);
    case 'home':
      return move(-1, true);
    case 'end':
      return move(1, true);
    case 'enter':
      return enabled[nav.cursor] ? { ...nav, done: nav.cursor } : nav;
    case 'back':
      return { ...nav, done: 'back' };
    default:
      return nav;
  }
}
