// Key handling shared by the screens: "?" opens the help (any key closes it), ctrl+c is left to
// the root, every other key goes to the screen's reducer as a KeyEvent, one key at a time.
import { useRef, useState } from 'react';
import { useInput } from 'ink';
import type { KeyEvent } from '../model/key-event.js';
import { splitTyped } from '../model/keys.js';

export interface ScreenKeyOptions {
  /** false where "?" is text (a path being typed). */
  help?: boolean;
  /** Rows a page key moves on this screen. */
  page?: number;
}

/** Returns whether the help is open. */
export function useScreenKeys(onKey: (ev: KeyEvent) => void, opts: ScreenKeyOptions = {}): boolean {
  const [helpOpen, setHelpOpen] = useState(false);
  // Read at key time, not render time: several keys may arrive before the next render.
  const latest = useRef({ onKey, opts, helpOpen });
  latest.current = { onKey, opts, helpOpen: latest.current.helpOpen };

  useInput((input, key) => {
    for (const [one, flags] of splitTyped(input) ?? [[input, key]]) {
      if (flags.ctrl && one === 'c') continue; // the root leaves the wizard
      if (latest.current.helpOpen) {
        latest.current.helpOpen = false;
        setHelpOpen(false);
      } else if (one === '?' && latest.current.opts.help !== false) {
        latest.current.helpOpen = true;
        setHelpOpen(true);
      } else {
        latest.current.onKey({ input: one, key: flags, ...(latest.current.opts.page ? { page: latest.current.opts.page } : {}) });
      }
    }
  });
  return helpOpen;
}

/**
 * A screen's state driven by keys through a pure step function. The step runs at key time on the
 * newest state (not on what the last render saw), and `onDone` is called as soon as a step
 * returns a state with `done` set, once.
 */
export function useKeyState<S extends { done?: unknown }>(
  step: (state: S, ev: KeyEvent) => S,
  init: () => S,
  onDone: (done: NonNullable<S['done']>, state: S) => void,
): [S, (ev: KeyEvent) => void] {
  const [state, setState] = useState(init);
  const current = useRef(state);
  const latest = useRef({ step, onDone });
  latest.current = { step, onDone };
  const dispatch = useRef((ev: KeyEvent) => {
    const before = current.current;
    const next = latest.current.step(before, ev);
    if (next === before) return;
    current.current = next;
    setState(next);
    if (before.done === undefined && next.done !== undefined) latest.current.onDone(next.done as NonNullable<S['done']>, next);
  });
  return [state, dispatch.current];
}
