// The Review screen's state: which file the cursor is on, which files are switched off, and the
// diff open (with how far it is scrolled). Below the files come the containers a plan could
// recreate: the cursor moves on into them, and space chooses one.
import type { FileChange } from '../../plan-model/plan.js';
import type { RecreateStep } from '../../plan-model/recreate.js';
import type { KeyEvent } from './key-event.js';
import { keyAction, leaving } from './keys.js';
import { scrollBy } from './scroll.js';
import { toggled } from './toggled.js';
import { diffView } from './plan-view.js';
import { recreateDiffView, recreateKey } from './recreate-view.js';

export interface ReviewNav {
  cursor: number;
  excluded: ReadonlySet<string>;
  /** Names of the containers chosen to be recreated. */
  recreate: ReadonlySet<string>;
  /** Path of the file whose diff is open, or the recreateKey of a container. */
  diff: string | null;
  diffTop: number;
  done?: 'next' | 'back';
}

export function initialReviewNav(excluded: Iterable<string>, cursor = 0, recreate: Iterable<string> = []): ReviewNav {
  return { cursor, excluded: new Set(excluded), recreate: new Set(recreate), diff: null, diffTop: 0 };
}

/** The lines of the diff open under `key`: a file's, or a container's run command. */
function openDiff(files: readonly FileChange[], containers: readonly RecreateStep[], key: string) {
  const file = files.find((f) => f.path === key);
  if (file) return diffView(file);
  const step = containers.find((c) => recreateKey(c) === key);
  return step ? recreateDiffView(step) : null;
}

export function reviewStep(files: readonly FileChange[], nav: ReviewNav, ev: KeyEvent, containers: readonly RecreateStep[] = []): ReviewNav {
  if (nav.done) return nav;
  const action = keyAction(ev.input, ev.key);
  if (nav.diff !== null) {
    const open = openDiff(files, containers, nav.diff);
    if (!open || action === 'back' || action === 'enter') return { ...nav, diff: null, diffTop: 0 };
    if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown' || action === 'home' || action === 'end') {
      return { ...nav, diffTop: scrollBy(nav.diffTop, action, ev.page ?? 10, open.length) };
    }
    return nav;
  }
  const done = leaving(action);
  if (done) return { ...nav, done };
  const file = files[nav.cursor];
  const step = containers[nav.cursor - files.length];
  switch (action) {
    case 'up':
      return { ...nav, cursor: Math.max(0, nav.cursor - 1) };
    case 'down':
      return { ...nav, cursor: Math.max(0, Math.min(files.length + containers.length - 1, nav.cursor + 1)) };
    case 'enter':
      if (step) return { ...nav, diff: recreateKey(step), diffTop: 0 };
      return file ? { ...nav, diff: file.path, diffTop: 0 } : nav;
    case 'toggle':
      if (step) return { ...nav, recreate: toggled(nav.recreate, step.container.name) };
      return file ? { ...nav, excluded: toggled(nav.excluded, file.path) } : nav;
    default:
      return nav;
  }
}
