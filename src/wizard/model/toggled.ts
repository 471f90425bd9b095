// Switching one member of a set on or off without touching the set the screen last drew: the
// reducers return new state, and React compares it by identity.

/** A copy of `set` with `item` added, or removed when it was there. */
export function toggled<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}
