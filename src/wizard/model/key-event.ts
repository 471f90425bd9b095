// A key press as the screens' reducers receive it: Ink's input and flags, plus the page size of
// the list on screen. Reducers take one event at a time with the latest state, so keys that
// arrive together (fast typing, a paste, a test) act in order instead of on a stale screen.
import type { EditKeys } from './text-edit.js';

export interface KeyEvent {
  input: string;
  key: EditKeys;
  /** Rows a page key moves. */
  page?: number;
}

export const press = (input: string, key: EditKeys = {}, page?: number): KeyEvent => (page === undefined ? { input, key } : { input, key, page });
