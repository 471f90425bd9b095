// Scrolling lists and text: which slice of rows is on screen, moved as little as possible so
// the cursor stays visible.

export function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

/** The first visible row after the cursor moved: unchanged while the cursor is still in view. */
export function follow(offset: number, cursor: number, height: number, total: number): number {
  const maxOffset = Math.max(0, total - height);
  let next = offset;
  if (cursor < next) next = cursor;
  if (cursor >= next + height) next = cursor - height + 1;
  return clamp(next, 0, maxOffset);
}

/** A new top row for a text view after a scroll key; `page` rows per page. */
export function scrollBy(offset: number, action: 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end', page: number, total: number): number {
  const max = Math.max(0, total - page);
  switch (action) {
    case 'up':
      return clamp(offset - 1, 0, max);
    case 'down':
      return clamp(offset + 1, 0, max);
    case 'pageUp':
      return clamp(offset - page, 0, max);
    case 'pageDown':
      return clamp(offset + page, 0, max);
    case 'home':
      return 0;
    case 'end':
      return max;
  }
}

/** "12–30 of 54", or "" when everything fits. */
export function rangeLabel(offset: number, height: number, total: number): string {
  if (total <= height) return '';
  return `${offset + 1}–${Math.min(total, offset + height)} of ${total}`;
}
