// Editing one line of text (a path): typing appends, backspace deletes, ctrl+u clears, enter
// submits, esc cancels. The cursor stays at the end, which is all a path prompt needs.
import type { KeyFlags } from './keys.js';

export interface EditKeys extends KeyFlags {
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
  meta?: boolean;
}

export type EditOutcome = { type: 'value'; value: string } | { type: 'submit'; value: string } | { type: 'cancel' } | null;

export function editText(value: string, input: string, key: EditKeys): EditOutcome {
  if (key.return) return { type: 'submit', value };
  if (key.escape) return { type: 'cancel' };
  // Terminals send DEL (0x7f) for the backspace key; Ink reports it as "delete".
  if (key.backspace || key.delete) return { type: 'value', value: [...value].slice(0, -1).join('') };
  if (key.ctrl && input === 'u') return { type: 'value', value: '' };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || input === '') return null;
  // A paste arrives as one string; line breaks in it end nothing, they are dropped.
  const typed = input.replace(/[\r\n]/g, '').replace(/[\u0000-\u001f\u007f]/g, '');
  return typed ? { type: 'value', value: value + typed } : null;
}

export interface FieldState {
  value: string;
  done?: { type: 'submit' | 'cancel'; value: string };
}

/** A text field's state after one key (for reducers; see editText). */
export function fieldStep(state: FieldState, input: string, key: EditKeys): FieldState {
  if (state.done) return state;
  const outcome = editText(state.value, input, key);
  if (!outcome) return state;
  if (outcome.type === 'value') return { value: outcome.value };
  if (outcome.type === 'cancel') return { ...state, done: { type: 'cancel', value: state.value } };
  return outcome.value.trim() ? { ...state, done: { type: 'submit', value: outcome.value.trim() } } : state;
}
