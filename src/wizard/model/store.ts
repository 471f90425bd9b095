// A value the flow updates and a screen watches (apply progress): the flow stays plain async code
// and the screen re-renders on each change.

export interface Store<T> {
  get(): T;
  set(update: T | ((previous: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(update) {
      value = typeof update === 'function' ? (update as (p: T) => T)(value) : update;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
