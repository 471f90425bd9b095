// The Review screen's state: which file the cursor is on, which files are switched off, and the
// diff open (with how far it is scrolled).
import type { FileChange } from '../../plan-model/plan.js';
import type { KeyEvent } from './key-event.js';
import { keyAction, leaving } from './keys.js';
import { scrollBy } from './scroll.js';
import { toggled } from './toggled.js';
import { diffView } from './plan-view.js';

export interface ReviewNav {
  cursor: number;
  excluded: ReadonlySet<string>;
  /** Path of the file whose diff is open. */
  diff: string | null;
  diffTop: number;
  done?: 'next' | 'back';
}

export function initialReviewNav(excluded: Iterable<string>, cursor = 0): ReviewNav {
  return { cursor, excluded: new Set(excluded), diff: null, diffTop: 0 };
}

export function reviewStep(files: readonly FileChange[], nav: ReviewNav, ev: KeyEvent): ReviewNav {
  if (nav.done) return nav;
  const action = keyAction(ev.input, ev.key);
  if (nav.diff !== null) {
    const open = files.find((f) => f.path === nav.diff);
    if (!open || action === 'back' || action === 'enter') return { ...nav, diff: null, diffTop: 0 };
    if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown' || action === 'home' || action === 'end') {
      return { ...nav, diffTop: scrollBy(nav.diffTop, action, ev.page ?? 10, diffView(open).length) };
    }
    return nav;
  }
  const done = leaving(action);
  if (done) return { ...nav, done };
  const file = files[nav.cursor];
  switch (action) {
    case 'up':
      return { ...nav, cursor: Math.max(0, nav.cursor - 1) };
    case 'down':
      return { ...nav, cursor: Math.max(0, Math.min(files.length - 1, nav.cursor + 1)) };
    case 'enter':
      return file ? { ...nav, diff: file.path, diffTop: 0 } : nav;
    case 'toggle':
      return file ? { ...nav, excluded: toggled(nav.excluded, file.path) } : nav;
    default:
      return nav;
  }
}
