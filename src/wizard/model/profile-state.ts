// The Profile screen's state: a cursor over the shipped profiles plus "Profile file…", which opens
// a path field.
import type { KeyEvent } from './key-event.js';
import { initialListNav, listStep, type ListNav } from './list-state.js';
import { fieldStep, type FieldState } from './text-edit.js';

export type ProfileResult = { type: 'shipped'; name: string } | { type: 'file'; path: string } | { type: 'back' };

export interface ProfileNav {
  list: ListNav;
  editing: boolean;
  field: FieldState;
  done?: ProfileResult;
}

/** `initialPath` reopens the path field, e.g. after that file failed to load. */
export function initialProfileNav(count: number, initialPath?: string): ProfileNav {
  const enabled = new Array<boolean>(count + 1).fill(true);
  return { list: initialListNav(enabled, initialPath !== undefined ? count : 0), editing: initialPath !== undefined, field: { value: initialPath ?? '' } };
}

export function profileStep(names: readonly string[], nav: ProfileNav, ev: KeyEvent): ProfileNav {
  if (nav.done) return nav;
  if (nav.editing) {
    const field = fieldStep(nav.field, ev.input, ev.key);
    if (field.done?.type === 'submit') return { ...nav, field, done: { type: 'file', path: field.done.value } };
    if (field.done?.type === 'cancel') return { ...nav, editing: false, field: { value: field.value } };
    return { ...nav, field };
  }
  const list = listStep(new Array<boolean>(names.length + 1).fill(true), nav.list, ev);
  if (list.done === undefined) return { ...nav, list };
  if (list.done === 'back') return { ...nav, list, done: { type: 'back' } };
  if (list.done === names.length) return { ...nav, list: { cursor: list.cursor }, editing: true };
  return { ...nav, list, done: { type: 'shipped', name: names[list.done] } };
}
